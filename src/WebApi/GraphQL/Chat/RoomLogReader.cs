using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.GraphQL.Errors;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// Reads rooms' logs for this instance's <c>roomEvents</c> streams: a resuming stream's replay, and the
/// entries a live stream is missing (<see cref="Fill"/>). A gap is read once for every stream that waits
/// for it, after <see cref="RoomEventStreamOptions.GapHold"/>: the streams of a room see the topic in one
/// order, so when an entry arrives ahead of its predecessor they all miss the same entries at the same
/// moment, and one read (usually none: the entry arrives during the hold) serves them all.
/// </summary>
public sealed class RoomLogReader(IServiceScopeFactory scopes, IOptions<RoomEventStreamOptions> options, TimeProvider time)
{
    /// <summary>How many log entries one read fetches.</summary>
    public const int LogBatch = 500;

    /// <summary>How many log reads this instance runs at once; the others wait their turn.</summary>
    public const int MaxConcurrentReads = 16;

    private readonly Dictionary<GapKey, GapFill> _fills = [];
    private readonly Lock _gate = new();
    private readonly TimeSpan _hold = options.Value.GapHold;
    private readonly TimeProvider _time = time;

    // Reads of the log at once: replays and fills wait for one of these rather than take the connection pool
    // from the sends (a burst of resuming subscribers, or streams at many different places after a stall).
    private readonly SemaphoreSlim _reads = new(MaxConcurrentReads);

    /// <summary>How many gap reads are waiting or running now (shared ones count once).</summary>
    public int PendingFills
    {
        get
        {
            lock (_gate)
            {
                return _fills.Count;
            }
        }
    }

    /// <summary>
    /// The entries after <paramref name="after"/> through <paramref name="upTo"/>, read after the hold
    /// unless every waiter disposed its lease first (their entries arrived live). Streams that wait for
    /// the same entries share one lease's read.
    /// </summary>
    public GapLease Fill(RoomId roomId, long after, long upTo)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(upTo, after);
        var key = new GapKey(roomId, after, upTo);
        lock (_gate)
        {
            if (!_fills.TryGetValue(key, out var fill))
            {
                fill = new GapFill(this, key);
                _fills.Add(key, fill);
                fill.Start();
            }

            fill.Waiters++;
            return new GapLease(fill);
        }
    }

    /// <summary>
    /// The room's log after <paramref name="after"/> through <paramref name="upTo"/>, in batches. With
    /// <paramref name="checkRetention"/>, an entry retention has removed ends the read with RESYNC_REQUIRED
    /// instead of skipping it.
    /// </summary>
    public async IAsyncEnumerable<RoomEventView> ReadAsync(
        RoomId roomId,
        long after,
        long upTo,
        bool checkRetention,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (after < upTo)
        {
            IReadOnlyList<RoomEventView> batch;
            var limit = (int)Math.Min(LogBatch, upTo - after);
            await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
            var scope = scopes.CreateAsyncScope();
            try
            {
                batch = await scope.ServiceProvider.GetRequiredService<IChatQueries>()
                    .ListEventsAsync(roomId, after, limit, cancellationToken).ConfigureAwait(false);
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
            finally
            {
                await scope.DisposeAsync().ConfigureAwait(false);
                _reads.Release();
            }

            foreach (var entry in batch.TakeWhile(e => e.Sequence <= upTo))
            {
                after = entry.Sequence;
                yield return entry;
            }

            if (batch.Count < limit)
            {
                yield break;
            }
        }
    }

    /// <summary>RESYNC_REQUIRED for a stream resuming after <paramref name="last"/>, which retention removed.</summary>
    internal static GraphQLException PastRetention(long last, long prunedThrough) => new(
        $"The room's log no longer holds the events after sequence {last}: retention removed those up to {prunedThrough}. Refetch the room and subscribe again.",
        ErrorCodes.ResyncRequired,
        new Dictionary<string, object?> { ["lastSequence"] = last, ["prunedThroughSequence"] = prunedThrough });

    private void Release(GapFill fill)
    {
        lock (_gate)
        {
            if (--fill.Waiters > 0)
            {
                return;
            }

            // No stream waits any more (and, under the same lock, none can join): forget the fill.
            RemoveIfCurrent(fill);
        }

        // Stopped if it has not read yet.
        fill.Abandon();
    }

    private void Forget(GapFill fill)
    {
        lock (_gate)
        {
            RemoveIfCurrent(fill);
        }
    }

    // Under _gate: a newer fill of the same gap may have replaced this one.
    private void RemoveIfCurrent(GapFill fill)
    {
        if (_fills.TryGetValue(fill.Key, out var current) && current == fill)
        {
            _fills.Remove(fill.Key);
        }
    }

    internal readonly record struct GapKey(RoomId RoomId, long After, long UpTo);

    /// <summary>One gap's shared read: the hold, then the log.</summary>
    internal sealed class GapFill(RoomLogReader reader, GapKey key)
    {
        // Never disposed: it has no timer and nobody asks for its wait handle, and a lease may cancel it at any time.
        private readonly CancellationTokenSource _abandoned = new();

        public RoomLogReader Reader { get; } = reader;

        public GapKey Key { get; } = key;

        /// <summary>Leases not yet disposed; guarded by the reader's gate.</summary>
        public int Waiters { get; set; }

        public Task<IReadOnlyList<RoomEventView>> Entries { get; private set; } = null!;

        public void Start() => Entries = RunAsync();

        public void Abandon() => _abandoned.Cancel();

        private async Task<IReadOnlyList<RoomEventView>> RunAsync()
        {
            // Started under the reader's gate: the hold begins on the thread pool, not inside the lock.
            await Task.Yield();
            try
            {
                var token = _abandoned.Token;
                await Task.Delay(Reader._hold, Reader._time, token).ConfigureAwait(false);
                var entries = new List<RoomEventView>((int)Math.Min(LogBatch, Key.UpTo - Key.After));
                await foreach (var entry in Reader.ReadAsync(Key.RoomId, Key.After, Key.UpTo, checkRetention: false, token).ConfigureAwait(false))
                {
                    entries.Add(entry);
                }

                return entries;
            }
            finally
            {
                // A later stream missing the same entries reads anew: these may be outdated by then.
                Reader.Forget(this);
            }
        }
    }

    /// <summary>A stream's share of a gap's read; disposing it says the stream no longer needs it.</summary>
    public sealed class GapLease : IDisposable
    {
        private GapFill? _fill;

        internal GapLease(GapFill fill) => _fill = fill;

        /// <summary>The stream's entries once read.</summary>
        public Task<IReadOnlyList<RoomEventView>> Entries => (_fill ?? throw new ObjectDisposedException(nameof(GapLease))).Entries;

        /// <summary>The last sequence the stream had when it asked.</summary>
        public long After => _fill!.Key.After;

        /// <summary>The last sequence asked for.</summary>
        public long UpTo => _fill!.Key.UpTo;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _fill, null) is { } fill)
            {
                fill.Reader.Release(fill);
            }
        }
    }
}
