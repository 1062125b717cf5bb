using Voting.Domain.Chat;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Chat;

namespace Voting.WebApi.GraphQL;

/// <summary>Chat's live side: a room's events, resumable without gaps or duplicates, and who is typing.</summary>
public sealed partial class Subscription
{
    [Authorize]
    [GraphQLDescription("Signed in: a room's events (messages added, edited, deleted; members joined, left, kicked, banned, muted, role changed) in the room's sequence. With `afterSequence` (the last one seen) it first replays what you missed from the room's log, then continues live, every event once and in order. RESYNC_REQUIRED (with `extensions.lastSequence`) when the log no longer holds what you missed or you fell too far behind: refetch, then resume.")]
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
    [GraphQLDescription("Signed in: who is typing in a room you may read, as `sendTyping` signals them (at most one per member every 2 seconds). Ephemeral: nothing is replayed.")]
    public Task<IAsyncEnumerable<TypingNode>> TypingAsync([ID] Guid roomId, [Service] TypingSubscriptions typing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typing);
        return typing.SubscribeAsync(new RoomId(roomId), cancellationToken);
    }
}
