using Voting.Domain.Chat;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Chat;

namespace Voting.WebApi.GraphQL;

/// <summary>Chat's live side: a room's events, resumable without gaps or duplicates, and who is typing.</summary>
public sealed partial class Subscription
{
    [Authorize]
    [GraphQLDescription("Signed in: a room's events (messages added, edited, deleted; members joined, left, invited, kicked, banned, unbanned, muted, role changed) in the room's sequence. With `afterSequence` (the last one seen) it first replays what you missed from the room's log, then continues live, every event once and in order. RESYNC_REQUIRED (with `extensions.lastSequence`) when the log no longer holds what you missed or you fell too far behind: refetch, then resume. Being kicked, banned or leaving ends it after that event: BANNED, or NOT_A_MEMBER (`extensions.lastSequence` is the event's).")]
    public Task<IAsyncEnumerable<RoomEventNode>> RoomEventsAsync(
        [ID] Guid roomId,
        [Service] RoomEventSubscriptions events,
        CancellationToken cancellationToken,
        long? afterSequence = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.SubscribeAsync(new RoomId(roomId), afterSequence, cancellationToken);
    }

    [Authorize]
    [GraphQLDescription("Signed in: who is typing in a room you may read, as `sendTyping` signals them (at most one per member every 2 seconds). Ephemeral: nothing is replayed. Ends, as `roomEvents` does, when you are kicked, banned or leave the room.")]
    public Task<IAsyncEnumerable<TypingNode>> TypingAsync([ID] Guid roomId, [Service] TypingSubscriptions typing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typing);
        return typing.SubscribeAsync(new RoomId(roomId), cancellationToken);
    }

    [Authorize]
    [GraphQLDescription("Signed in: who is online in a room you may read, first as it is, then on every change. Watching is being present: while this subscription lives you are online in the room, on every instance's view (a connection that stops renewing, e.g. its instance died, drops out within 30 seconds). ROOM_NOT_FOUND, NOT_A_MEMBER or BANNED as for `room`; ends, as `roomEvents` does, when you are kicked, banned or leave the room.")]
    public Task<IAsyncEnumerable<RoomPresenceNode>> PresenceAsync([ID] Guid roomId, [Service] PresenceSubscriptions presence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presence);
        return presence.SubscribeAsync(new RoomId(roomId), cancellationToken);
    }
}
