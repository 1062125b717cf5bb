using Voting.Application.Elections;

namespace Voting.Application.Abstractions;

/// <summary>
/// Hands a tally snapshot to whoever watches the election live (the <c>tallyUpdated</c> subscription).
/// Snapshots carry their <see cref="TallyView.Version"/>, so a receiver keeps the newest and a repeated
/// or late one changes nothing.
/// </summary>
public interface ITallyPublisher
{
    Task PublishAsync(TallyView tally, CancellationToken cancellationToken);
}
