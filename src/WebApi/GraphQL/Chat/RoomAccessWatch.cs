using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Voting.Application.Abstractions;
using Voting.Domain.Chat;
using Voting.GraphQL.Errors;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// Ties a room's other live streams (<c>typing</c>, <c>presence</c>) to the subscriber's access: it
/// follows the room's log as <c>roomEvents</c> does, and ends the stream it guards with the error of
/// the entry that kicks, bans or removes the subscriber (<see cref="RoomExit"/>).
/// </summary>
public sealed class RoomAccessWatch(RoomEventSubscriptions roomEvents, ICurrentUser currentUser)
{
    /// <summary>Checks that the caller may read the room (throwing its refusal) and starts following its log from now.</summary>
    public Task<IAsyncEnumerable<RoomEventNode>> StartAsync(RoomId roomId, CancellationToken cancellationToken) =>
        roomEvents.SubscribeAsync(roomId, afterSequence: null, cancellationToken);

    /// <summary>Passes <paramref name="source"/> on until <paramref name="log"/> (from <see cref="StartAsync"/>) shows the caller's access ended.</summary>
    public async IAsyncEnumerable<T> While<T>(
        RoomId roomId,
        IAsyncEnumerable<RoomEventNode> log,
        IAsyncEnumerable<T> source,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(source);
        var subscriber = currentUser.Id ?? throw new InvalidOperationException("Only the signed in watch a room.");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = WatchAsync(roomId, subscriber.Value, log, stop.Token);
        var items = source.GetAsyncEnumerator(stop.Token);
        Task<bool>? pending = null;
        try
        {
            while (true)
            {
                pending = items.MoveNextAsync().AsTask();
                if (await Task.WhenAny(pending, watching).ConfigureAwait(false) == watching)
                {
                    if (await watching.ConfigureAwait(false) is { } ended)
                    {
                        ExceptionDispatchInfo.Throw(ended);
                    }

                    yield break; // the room's topic ended: the instance is stopping
                }

                var more = await pending.ConfigureAwait(false);
                pending = null;
                if (!more)
                {
                    yield break;
                }

                yield return items.Current;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (pending is not null)
            {
                // An enumerator is disposed only once its pending move has finished.
                await Settled(pending).ConfigureAwait(false);
            }

            await items.DisposeAsync().ConfigureAwait(false);
            await Settled(watching).ConfigureAwait(false);
        }
    }

    // Waits for a task the stream is leaving behind; its outcome no longer reaches anyone.
    private static Task Settled(Task task) =>
        task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    // The error that ended the caller's access, or null when the log ended or the watch was stopped.
    private async Task<Exception?> WatchAsync(RoomId roomId, Guid subscriber, IAsyncEnumerable<RoomEventNode> log, CancellationToken cancellationToken)
    {
        long? last = null;
        while (true)
        {
            try
            {
                await foreach (var entry in log.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    last = entry.Sequence;
                    if (RoomExit.Of(entry, subscriber) is { } exit)
                    {
                        return exit;
                    }
                }

                return null;
            }
            catch (GraphQLException behind) when (behind.Code == ErrorCodes.ResyncRequired)
            {
                // Fell behind the room: resume after the last entry seen; the room's rule is checked again on the way.
                try
                {
                    log = await roomEvents.SubscribeAsync(roomId, last, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception refused) when (refused is not OperationCanceledException)
                {
                    return refused;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ended) when (ended is GraphQLException or Domain.Common.DomainException)
            {
                return ended;
            }
        }
    }
}
