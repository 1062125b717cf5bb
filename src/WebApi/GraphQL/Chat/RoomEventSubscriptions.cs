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
public sealed class RoomEventSubscriptions(ITopicEventReceiver receiver, GetRoomHandler getRoom, RoomLogReader log, ICurrentUser currentUser)
{
    /// <summary>Subscribes, or throws the room's refusal (ROOM_NOT_FOUND, NOT_A_MEMBER, BANNED) before any event.</summary>
    public async Task<IAsyncEnumerable<RoomEventNode>> SubscribeAsync(RoomId roomId, long? afterSequence, CancellationToken cancellationToken)
    {
        if (afterSequence < 0)
        {
            throw new GraphQLException($"\"afterSequence\" is a sequence already seen: 0 or more, not {afterSequence}.", ErrorCodes.BadUserInput);
        }

        var room = await getRoom.HandleAsync(new GetRoomQuery(roomId, WithMembers: false), cancellationToken).ConfigureAwait(false);
        if (afterSequence > room.LastSequence)
        {
            throw new GraphQLException($"\"afterSequence\" {afterSequence} is beyond the room's last sequence {room.LastSequence}.", ErrorCodes.BadUserInput);
        }

        if (afterSequence < room.PrunedThroughSequence)
        {
            throw RoomLogReader.PastRetention(afterSequence.Value, room.PrunedThroughSequence);
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
        // Stops a live read left pending when the stream ends while it waited for a gap's read.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<bool>? move = null;
        RoomLogReader.GapLease? gap = null;
        var events = live.GetAsyncEnumerator(stop.Token);
        try
        {
            if (resuming)
            {
                await foreach (var missed in log.ReadAsync(roomId, last, long.MaxValue, checkRetention: true, cancellationToken).ConfigureAwait(false))
                {
                    last = missed.Sequence;
                    yield return RoomEventNode.Of(missed);
                }
            }

            // Live entries that arrived ahead of one still missing, by sequence.
            var ahead = new SortedDictionary<long, RoomEventView>();
            while (true)
            {
                while (ahead.Count > 0 && ahead.First() is { Key: var next } held && next <= last + 1)
                {
                    ahead.Remove(next);
                    if (next == last + 1)
                    {
                        last = next;
                        yield return RoomEventNode.Of(held.Value);
                    }
                }

                if (ahead.Count == 0 || (gap is not null && (gap.After != last || gap.UpTo != ahead.First().Key - 1)))
                {
                    // The gap closed, or moved: the entries asked for arrived live (none or some of them).
                    gap?.Dispose();
                    gap = null;
                }

                if (ahead.Count > 0 && gap is null)
                {
                    // A publish still on its way or lost: the log already holds every committed entry before
                    // the one ahead. It is read (once for the instance) unless the entries arrive first.
                    gap = log.Fill(roomId, last, ahead.First().Key - 1);
                }

                RoomEventView? entry;
                if (gap is not null)
                {
                    move ??= events.MoveNextAsync().AsTask();
                    if (await Task.WhenAny(move, gap.Entries).ConfigureAwait(false) != move)
                    {
                        foreach (var missed in await gap.Entries.ConfigureAwait(false))
                        {
                            if (missed.Sequence == last + 1)
                            {
                                last = missed.Sequence;
                                yield return RoomEventNode.Of(missed);
                            }
                        }

                        // The log holds every committed entry before the one ahead: what it lacks was never committed.
                        last = Math.Max(last, gap.UpTo);
                        gap.Dispose();
                        gap = null;
                        continue;
                    }
                }

                try
                {
                    var more = move is not null ? await move.ConfigureAwait(false) : await events.MoveNextAsync().ConfigureAwait(false);
                    move = null;
                    entry = more ? events.Current.Message : null;
                }
                catch (TopicResyncRequiredException slow)
                {
                    // The topic ended this subscriber for being slow: the client resumes from the last room sequence given.
                    move = null;
                    throw ResyncRequired(last, slow);
                }

                if (entry is null)
                {
                    break; // the topic ended: the instance is stopping
                }

                if (entry.Sequence == last + 1)
                {
                    last = entry.Sequence;
                    yield return RoomEventNode.Of(entry);
                }
                else if (entry.Sequence > last)
                {
                    ahead.TryAdd(entry.Sequence, entry);
                }

                // An entry at or below the last given was given already, from the log or earlier.
            }

            if (ahead.Count > 0)
            {
                // The topic ended with entries still missing before some it gave: the log has them.
                await foreach (var missed in log.ReadAsync(roomId, last, ahead.Last().Key, checkRetention: false, cancellationToken).ConfigureAwait(false))
                {
                    last = missed.Sequence;
                    yield return RoomEventNode.Of(missed);
                }
            }
        }
        finally
        {
            gap?.Dispose();
            if (move is not null)
            {
                // An enumerator is disposed only once its pending move has finished.
                await stop.CancelAsync().ConfigureAwait(false);
                await move.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }

            await events.DisposeAsync().ConfigureAwait(false);
            await live.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static GraphQLException ResyncRequired(long last, Exception? cause) => new(
        $"This subscription missed room events after sequence {last}; refetch the room and subscribe again with afterSequence.",
        ErrorCodes.ResyncRequired,
        new Dictionary<string, object?> { ["lastSequence"] = last },
        cause);
}
