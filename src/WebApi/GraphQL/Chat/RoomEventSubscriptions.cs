using System.Runtime.CompilerServices;
using Voting.Application.Abstractions;
using Voting.Application.Chat;
using Voting.Application.Chat.GetRoom;
using Voting.Domain.Chat;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// The source stream of <c>roomEvents</c>. It subscribes to the room's topic first, then reads the
/// room's log after <c>afterSequence</c> (the database is the log), then passes live entries on,
/// dropping those it already gave and filling any gap from the log, so the client gets every entry
/// once, in sequence order, across the seam and across publishes that arrive late or never. It ends
/// after the entry that kicks, bans or removes the subscriber (<see cref="RoomExit"/>).
/// </summary>
public sealed class RoomEventSubscriptions(ITopicEventReceiver receiver, GetRoomHandler getRoom, IServiceScopeFactory scopes, ICurrentUser currentUser)
{
    /// <summary>How many log entries one read fetches while catching up.</summary>
    public const int LogBatch = 500;

    /// <summary>Subscribes, or throws the room's refusal (ROOM_NOT_FOUND, NOT_A_MEMBER, BANNED) before any event.</summary>
    public async Task<IAsyncEnumerable<RoomEventNode>> SubscribeAsync(RoomId roomId, long? afterSequence, CancellationToken cancellationToken)
    {
        if (afterSequence < 0)
        {
            throw new GraphQLException($"\"afterSequence\" is a sequence already seen: 0 or more, not {afterSequence}.", ErrorCodes.BadUserInput);
        }

        var room = await getRoom.HandleAsync(new GetRoomQuery(roomId), cancellationToken).ConfigureAwait(false);
        if (afterSequence > room.LastSequence)
        {
            throw new GraphQLException($"\"afterSequence\" {afterSequence} is beyond the room's last sequence {room.LastSequence}.", ErrorCodes.BadUserInput);
        }

        if (afterSequence < room.PrunedThroughSequence)
        {
            throw PastRetention(afterSequence.Value, room.PrunedThroughSequence);
        }

        var subscriber = currentUser.Id ?? throw new InvalidOperationException("GetRoomHandler admits only the signed in.");
        var live = await receiver.SubscribeAsync<RoomEventView>(RoomEventTopic.For(roomId), options: null, cancellationToken).ConfigureAwait(false);
        return RoomExit.Until(Entries(roomId, afterSequence ?? room.LastSequence, afterSequence is not null, live, cancellationToken), subscriber.Value, room.LastSequence, cancellationToken);
    }

    private async IAsyncEnumerable<RoomEventNode> Entries(
        RoomId roomId,
        long last,
        bool resuming,
        ISourceStream<RoomEventView> live,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            if (resuming)
            {
                await foreach (var missed in ReadLogAsync(roomId, last, long.MaxValue, checkRetention: true, cancellationToken).ConfigureAwait(false))
                {
                    last = missed.Sequence;
                    yield return new RoomEventNode(missed);
                }
            }

            var events = live.GetAsyncEnumerator(cancellationToken);
            await using (events.ConfigureAwait(false))
            {
                while (await NextAsync(events, last).ConfigureAwait(false) is { } entry)
                {
                    if (entry.Sequence <= last)
                    {
                        continue; // already given, from the log or earlier
                    }

                    if (entry.Sequence > last + 1)
                    {
                        // A publish still on its way or lost: the log already holds every committed entry before this one.
                        await foreach (var missed in ReadLogAsync(roomId, last, entry.Sequence - 1, checkRetention: false, cancellationToken).ConfigureAwait(false))
                        {
                            last = missed.Sequence;
                            yield return new RoomEventNode(missed);
                        }
                    }

                    last = entry.Sequence;
                    yield return new RoomEventNode(entry);
                }
            }
        }
        finally
        {
            await live.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The next live entry; a topic that ended this subscriber for being slow becomes RESYNC_REQUIRED
    // with the last room sequence given, from which the client resumes.
    private static async Task<RoomEventView?> NextAsync(IAsyncEnumerator<TopicEvent<RoomEventView>> events, long last)
    {
        try
        {
            return await events.MoveNextAsync().ConfigureAwait(false) ? events.Current.Message : null;
        }
        catch (TopicResyncRequiredException slow)
        {
            throw ResyncRequired(last, slow);
        }
    }

    private async IAsyncEnumerable<RoomEventView> ReadLogAsync(
        RoomId roomId,
        long after,
        long upTo,
        bool checkRetention,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (after < upTo)
        {
            IReadOnlyList<RoomEventView> batch;
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                batch = await scope.ServiceProvider.GetRequiredService<IChatQueries>()
                    .ListEventsAsync(roomId, after, LogBatch, cancellationToken).ConfigureAwait(false);
                if (checkRetention)
                {
                    // Retention raises the room's mark before it deletes, so reading the mark after the entries
                    // catches a prune that ran since the subscription started, even one that left this read empty.
                    var prunedThrough = (await scope.ServiceProvider.GetRequiredService<IChatRepository>()
                        .GetAsync(roomId, cancellationToken).ConfigureAwait(false))?.PrunedThroughSequence ?? 0;
                    if (after < prunedThrough || (batch.Count > 0 && batch[0].Sequence != after + 1))
                    {
                        throw PastRetention(after, prunedThrough);
                    }
                }
            }

            foreach (var entry in batch.TakeWhile(e => e.Sequence <= upTo))
            {
                after = entry.Sequence;
                yield return entry;
            }

            if (batch.Count < LogBatch)
            {
                yield break;
            }
        }
    }

    private static GraphQLException PastRetention(long last, long prunedThrough) => new(
        $"The room's log no longer holds the events after sequence {last}: retention removed those up to {prunedThrough}. Refetch the room and subscribe again.",
        ErrorCodes.ResyncRequired,
        new Dictionary<string, object?> { ["lastSequence"] = last, ["prunedThroughSequence"] = prunedThrough });

    private static GraphQLException ResyncRequired(long last, Exception? cause) => new(
        $"This subscription missed room events after sequence {last}; refetch the room and subscribe again with afterSequence.",
        ErrorCodes.ResyncRequired,
        new Dictionary<string, object?> { ["lastSequence"] = last },
        cause);
}
