using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>The host's typing port when nobody in a test watches typing (WebApi publishes it on a topic).</summary>
internal sealed class UnwatchedTypingNotifier : ITypingNotifier
{
    public Task<bool> NotifyAsync(RoomId roomId, UserId userId, CancellationToken cancellationToken) => Task.FromResult(true);
}
