using Voting.Application.Abstractions;
using Voting.Application.Elections;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>The host's tally port when nobody in a test watches tallies (WebApi publishes them on a topic).</summary>
internal sealed class UnwatchedTallyPublisher : ITallyPublisher
{
    public Task PublishAsync(TallyView tally, CancellationToken cancellationToken) => Task.CompletedTask;
}
