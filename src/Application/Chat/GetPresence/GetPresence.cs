using Voting.Application.Abstractions;
using Voting.Application.Chat.Presence;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.GetPresence;

public sealed record GetPresenceQuery(RoomId RoomId);

/// <summary>Who is online in a room, as of <see cref="At"/>.</summary>
public sealed record RoomPresence(RoomId RoomId, IReadOnlyList<UserId> Online, DateTimeOffset At);

/// <summary>Who is online in a room the caller may read (ROOM_NOT_FOUND, NOT_A_MEMBER or BANNED otherwise).</summary>
public sealed class GetPresenceHandler(ICurrentUser currentUser, IChatRepository chat, IPresenceStore presence, IClock clock)
{
    public async Task<RoomPresence> HandleAsync(GetPresenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (room, _) = await chat.GetReadableAsync(query.RoomId, currentUser.RequireSignedIn(), cancellationToken).ConfigureAwait(false);
        return await ListAsync(room.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The room's presence now, for a caller already allowed to read it.</summary>
    public async Task<RoomPresence> ListAsync(RoomId roomId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var online = await presence.ListOnlineAsync(roomId, now, cancellationToken).ConfigureAwait(false);
        return new RoomPresence(roomId, online, now);
    }
}
