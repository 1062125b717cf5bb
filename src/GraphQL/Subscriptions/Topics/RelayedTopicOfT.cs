using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// Relays one topic from the backplane into the process's local fan-out, in sequence order and each event
/// once. Pushed events and reconnections queue in an inbox that one pump works through: an event at or
/// below the last relayed is a duplicate; one further ahead means pushes were lost, and the pump first reads
/// the missing ones from the backplane's log. What the log no longer holds is a gap (see <see cref="OnGap"/>).
/// </summary>
internal sealed partial class RelayedTopic<T> : RelayedTopic, IBackplaneListener
{
    private const int ReadBatch = 512;
    private const int CatchUpAttempts = 5;

    private readonly DistributedTopicEventBus _bus;
    private readonly TopicOptions _options;

    // Null marks a reconnection. Unbounded: pushes arrive only as fast as the backplane takes sends, and
    // the pump relays each without waiting on any subscriber (their buffers are bounded and never block).
    private readonly Channel<BackplaneEvent?> _inbox = Channel.CreateUnbounded<BackplaneEvent?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();

    // Held by whoever relays: the pump for each batch it takes from the inbox (catch-ups included), or OnEvent for
    // an event it relays at once. The inbox is read only under it, so an event relayed at once never overtakes
    // one still waiting there.
    private readonly SemaphoreSlim _relaying = new(1, 1);

    // Items written to the inbox and not yet taken by the pump (a single-reader channel does not count them).
    private int _queued;
    private readonly Task _started;
    private IAsyncDisposable? _listening;
    private Task _pump = Task.CompletedTask;
    private long _lastRelayed;

    public RelayedTopic(DistributedTopicEventBus bus, string topic, TopicOptions options)
        : base(topic)
    {
        _bus = bus;
        _options = options;
        _started = StartAsync(_stop.Token);
    }

    public override Type MessageType => typeof(T);

    /// <summary>The last sequence relayed to the local subscribers.</summary>
    public long LastRelayed => Volatile.Read(ref _lastRelayed);

    /// <summary>
    /// Relays the next event in sequence at once, on the backplane's thread, when nothing waits in the inbox and
    /// the pump is idle: one hand-off less on the way of every event (each waited behind the thread pool's work
    /// on a busy instance). Anything else (out of sequence, a completion, a busy pump) queues for the pump.
    /// </summary>
    public void OnEvent(BackplaneEvent published)
    {
        if (!published.IsCompletion && _relaying.Wait(0))
        {
            try
            {
                if (Volatile.Read(ref _queued) == 0 && LastRelayed != 0 && published.Sequence == LastRelayed + 1 && !_stop.IsCancellationRequested)
                {
                    Deliver(published);
                    return;
                }
            }
            finally
            {
                _relaying.Release();
            }
        }

        Enqueue(published);
    }

    public void OnReconnected() => Enqueue(null);

    /// <summary>
    /// A local subscription: registered live first, then the replay after <paramref name="after"/> read from
    /// the log up to what had been relayed at registration; the stream drops live events the replay covered.
    /// </summary>
    public async ValueTask<ISourceStream<T>> SubscribeAsync(long? after, CancellationToken ct)
    {
        await _started.WaitAsync(ct).ConfigureAwait(false);
        var live = await _bus.Local.SubscribeAsync<T>(Topic, options: null, ct).ConfigureAwait(false);

        // Read after registering: an event relayed in between is then both live and at or below this, and
        // the stream skips its live copy; read before, it could be in neither.
        var registeredAt = LastRelayed;
        if (after is not { } resumeAfter)
        {
            return new RelayedSourceStream<T>(_bus, this, live, replay: [], skipThrough: 0, endsAfterReplay: false, startedAt: registeredAt);
        }

        try
        {
            var (replay, ends) = await ReplayAsync(resumeAfter, registeredAt, ct).ConfigureAwait(false);
            var skipThrough = replay.Length > 0 ? replay[^1].Sequence : resumeAfter;
            return new RelayedSourceStream<T>(_bus, this, live, replay, Math.Max(skipThrough, resumeAfter), ends, resumeAfter);
        }
        catch (TopicResyncRequiredException resync)
        {
            await live.DisposeAsync().ConfigureAwait(false);
            return new RelayedSourceStream<T>(_bus, this, resync);
        }
        catch
        {
            await live.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _inbox.Writer.TryComplete();
        try
        {
            await _started.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException || _started.IsFaulted)
        {
            // A relay that never started has nothing to stop; its subscriber got the failure.
        }

        await _pump.ConfigureAwait(false);
        if (_listening is not null)
        {
            await _listening.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task StartAsync(CancellationToken ct)
    {
        // Listen first, then read the last sequence: an event appended after that read is pushed to us,
        // and one pushed before it is at or below it and skipped as a duplicate.
        _listening = await _bus.Backplane.ListenAsync(Topic, this, ct).ConfigureAwait(false);
        Volatile.Write(ref _lastRelayed, await _bus.Backplane.GetLastSequenceAsync(Topic, ct).ConfigureAwait(false));
        _pump = PumpAsync(ct);
    }

    private async Task<(TopicEvent<T>[] Replay, bool EndsTopic)> ReplayAsync(long after, long upTo, CancellationToken ct)
    {
        if (after >= upTo)
        {
            // Ahead of this process's relay is fine (another process relayed it first), unless the topic
            // never got there: then it was reset, and what the client holds is not this topic's past.
            if (after > upTo)
            {
                var last = await _bus.Backplane.GetLastSequenceAsync(Topic, ct).ConfigureAwait(false);
                if (after > last)
                {
                    throw new TopicResyncRequiredException(Topic, after, $"the topic is only at sequence {last}: it was reset or forgotten");
                }
            }

            return ([], false);
        }

        var missing = upTo - after;
        if (missing > _options.ReplayWindow)
        {
            throw new TopicResyncRequiredException(Topic, after, $"the topic's replay window holds only its last {_options.ReplayWindow} events");
        }

        var logged = await _bus.Backplane.ReadAfterAsync(Topic, after, (int)missing, ct).ConfigureAwait(false);
        for (var i = 0; i < logged.Count; i++)
        {
            if (logged[i].Sequence != after + 1 + i)
            {
                throw new TopicResyncRequiredException(Topic, after, "the topic's log no longer holds every event after that sequence");
            }
        }

        if (logged.Count < missing)
        {
            throw new TopicResyncRequiredException(Topic, after, "the topic's log no longer holds every event after that sequence");
        }

        var replay = new List<TopicEvent<T>>(logged.Count);
        var ends = false;
        foreach (var published in logged)
        {
            if (published.IsCompletion)
            {
                ends = true;
                break;
            }

            replay.Add(new TopicEvent<T>(published.Sequence, _bus.Serializer.Deserialize<T>(published.Payload), published.PublishedAt));
        }

        // A snapshot topic replays only as many of the newest as a subscriber's buffer keeps, as in memory.
        var kept = _options.Policy == SlowSubscriberPolicy.Coalesce && replay.Count > _options.SubscriberBufferSize
            ? replay[^_options.SubscriberBufferSize..]
            : replay;
        return ([.. kept], ends);
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        try
        {
            while (await _inbox.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                await _relaying.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    while (_inbox.Reader.TryRead(out var item))
                    {
                        Interlocked.Decrement(ref _queued);
                        await RelayAsync(item, ct).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _relaying.Release();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: the last local subscriber left.
        }
    }

    private void Enqueue(BackplaneEvent? item)
    {
        // Counted before it is written, so OnEvent never sees an empty count with an item on its way in.
        Interlocked.Increment(ref _queued);
        if (!_inbox.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private async Task RelayAsync(BackplaneEvent? item, CancellationToken ct)
    {
        if (item is not { } published)
        {
            await CatchUpAsync(until: null, ct).ConfigureAwait(false);
            return;
        }

        if (published.Sequence > LastRelayed + 1)
        {
            await CatchUpAsync(published.Sequence, ct).ConfigureAwait(false);
        }

        if (published.Sequence > LastRelayed)
        {
            if (IsGap(published.Sequence))
            {
                OnGap(LastRelayed, published.Sequence);
            }

            Deliver(published);
        }
    }

    /// <summary>
    /// Reads from the log what follows the last relayed event, up to (not including) <paramref name="until"/>,
    /// or to the end of the log after a reconnection. A failing read is retried a few times; after that
    /// the caller sees the gap.
    /// </summary>
    private async Task CatchUpAsync(long? until, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                while (true)
                {
                    var logged = await _bus.Backplane.ReadAfterAsync(Topic, LastRelayed, ReadBatch, ct).ConfigureAwait(false);
                    foreach (var published in logged)
                    {
                        if (until is { } end && published.Sequence >= end)
                        {
                            return;
                        }

                        if (IsGap(published.Sequence))
                        {
                            OnGap(LastRelayed, published.Sequence);
                        }

                        Deliver(published);
                    }

                    if (logged.Count < ReadBatch)
                    {
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogCatchUpFailed(_bus.Logger, exception, Topic, attempt);
                if (attempt == CatchUpAttempts)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether events were lost before <paramref name="sequence"/>. A topic that had no event when the relay
    /// started has no predecessor to miss: the backplane starts a topic's sequences wherever it likes (Redis
    /// starts them at the current time, see ADR 0029), and the log was read from the start before this.
    /// </summary>
    private bool IsGap(long sequence) => LastRelayed != 0 && sequence > LastRelayed + 1;

    private void Deliver(BackplaneEvent published)
    {
        if (published.IsCompletion)
        {
            _bus.Local.CompleteAsync(Topic).AsTask().GetAwaiter().GetResult();
        }
        else
        {
            T message;
            try
            {
                message = _bus.Serializer.Deserialize<T>(published.Payload);
            }
            catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
            {
                LogUnreadable(_bus.Logger, exception, Topic, published.Sequence);
                OnGap(published.Sequence - 1, published.Sequence + 1);
                Volatile.Write(ref _lastRelayed, published.Sequence);
                return;
            }

            _bus.Local.Relay(Topic, new TopicEvent<T>(published.Sequence, message, published.PublishedAt));
        }

        Volatile.Write(ref _lastRelayed, published.Sequence);
    }

    /// <summary>
    /// Events between <paramref name="after"/> and <paramref name="before"/> (both excluded) are lost to this
    /// process. A snapshot topic skips them (its next event supersedes them); on a log topic every local
    /// subscriber ends with RESYNC_REQUIRED after what it holds, so none sees a silent gap.
    /// </summary>
    private void OnGap(long after, long before)
    {
        LogGap(_bus.Logger, Topic, after, before);
        if (_options.Policy != SlowSubscriberPolicy.Coalesce)
        {
            _bus.Local.EndSubscribersBehind<T>(Topic, $"events {after + 1} to {before - 1} were lost on their way from the backplane");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading topic {Topic} from the backplane failed (attempt {Attempt}).")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, string topic, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Sequence} of topic {Topic} cannot be read; it is skipped.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string topic, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topic {Topic} lost the events after {After} and before {Before} on their way from the backplane.")]
    private static partial void LogGap(ILogger logger, string topic, long after, long before);
}
