using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat.Presence;

/// <summary>
/// Who is online in each room, shared by the API instances: one entry per connection (a user with two
/// tabs has two), each live until the expiry its heartbeat keeps pushing on, so a connection whose
/// instance died drops out by itself. A user is online while any of their connections is live.
/// </summary>
/// <remarks>Times are the caller's, so one clock decides what has expired.</remarks>
public interface IPresenceStore
{
    /// <summary>Marks a connection live until <paramref name="expiresAt"/>, or pushes its expiry on; true when the user had no live connection in the room before.</summary>
    Task<bool> MarkOnlineAsync(RoomId roomId, UserId userId, string connectionId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a connection; true when the user has no live connection in the room left.</summary>
    Task<bool> MarkOfflineAsync(RoomId roomId, UserId userId, string connectionId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The users with a live connection in the room, ordered by ID.</summary>
    Task<IReadOnlyList<UserId>> ListOnlineAsync(RoomId roomId, DateTimeOffset now, CancellationToken cancellationToken);
}
