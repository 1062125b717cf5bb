using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>
/// Tells a room's watchers that a member is typing. Ephemeral: nothing is stored, and an
/// implementation passes on at most one signal per member and room in a short interval.
/// </summary>
public interface ITypingNotifier
{
    /// <summary>Passes the signal on, unless one from the same member went out a moment ago; answers whether it did.</summary>
    Task<bool> NotifyAsync(RoomId roomId, UserId userId, CancellationToken cancellationToken);
}
