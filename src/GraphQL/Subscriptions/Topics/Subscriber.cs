using System.Threading.Tasks.Sources;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// One subscriber of a topic: its bounded buffer, and the stream that reads it (the replayed events, then
/// the buffer, then either the end of the topic or, when the subscriber fell behind on a log topic,
/// <see cref="TopicResyncRequiredException"/>). The topic offers events without ever waiting; what happens
/// when the buffer is full is the topic's policy. Offer and Complete are called with the topic's gate held.
/// </summary>
/// <remarks>
/// Ten thousand idle subscribers must cost little, so this one object is the buffer, the stream and the
/// stream's only enumerator, where a bounded Channel, its reader and an async iterator used to be: the
/// buffer's storage grows on demand up to the configured capacity instead of being allocated up front, a
/// reader waiting for an event waits on this object (an <see cref="IValueTaskSource{TResult}"/>) and is
/// handed the event directly, and the enumeration's token is registered once, not per wait.
/// </remarks>
internal sealed class Subscriber<T> : ISourceStream<T>, IAsyncEnumerator<TopicEvent<T>>, IValueTaskSource<bool>, ITopicWaiter
{
    private const int FirstStorage = 4;

    private readonly InMemoryTopicEventBus _bus;
    private readonly Topic<T> _topic;
    private readonly Lock _gate = new();

    // The reader's continuation never runs inline inside the topic's gate: an ending (Complete, EndBehind, the
    // token) resumes it on the thread pool; an event it was handed, on the fan-out thread that calls Wake.
    private ManualResetValueTaskSourceCore<bool> _waiter = new() { RunContinuationsAsynchronously = true };
    private bool _waiting;

    private TopicEvent<T>[] _replay;
    private int _replayed;

    // A ring of the buffered events, oldest at _head; grown by doubling, never past the topic's buffer size.
    private TopicEvent<T>[] _buffer = [];
    private int _head;
    private int _count;

    private long _lastSequence;
    private bool _completed;
    // Why the subscriber missed events (its buffer filled on a log topic: empty; lost on their way from
    // another process: the reason), or null while it has them all.
    private string? _behindReason;
    private CancellationToken _token;
    private CancellationTokenRegistration _registration;
    private int _enumerated;
    private int _disposed;

    public Subscriber(InMemoryTopicEventBus bus, Topic<T> topic, TopicEvent<T>[] replay, long lastSequence)
    {
        _bus = bus;
        _topic = topic;
        _replay = replay;
        _lastSequence = lastSequence;
    }

    public string Topic => _topic.Name;

    public TopicEvent<T> Current { get; private set; }

    /// <summary>
    /// Buffers the event, or hands it to the waiting reader, which the topic then resumes with <see cref="Wake"/>
    /// once its gate is released (<see cref="OfferResult.Handed"/>); <see cref="OfferResult.Over"/> when this
    /// subscriber is over and the topic should drop it.
    /// </summary>
    public OfferResult Offer(TopicEvent<T> published)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return OfferResult.Over;
            }

            if (_waiting)
            {
                // No longer waiting, so nothing else completes the wait before Wake: an ending that comes first
                // is found by the reader's next move, after this event.
                _waiting = false;
                Current = published;
                return OfferResult.Handed;
            }

            var capacity = _topic.Options.SubscriberBufferSize;
            if (_count == capacity)
            {
                if (_topic.Options.Policy != SlowSubscriberPolicy.Coalesce)
                {
                    // The reader, which is not waiting (the buffer is full), finds the flag once it has read the buffer.
                    _behindReason = string.Empty;
                    _completed = true;
                    return OfferResult.Over;
                }

                // Coalesce: the oldest event makes room, so the newest always gets in.
                _head = (_head + 1) % _buffer.Length;
                _count--;
            }
            else if (_count == _buffer.Length)
            {
                Grow(capacity);
            }

            _buffer[(_head + _count) % _buffer.Length] = published;
            _count++;
            return OfferResult.Buffered;
        }
    }

    /// <summary>Resumes the reader with the event <see cref="Offer"/> handed it, inline on this thread (the fan-out's).</summary>
    public void Wake()
    {
        _waiter.RunContinuationsAsynchronously = false;
        _waiter.SetResult(true);
    }

    /// <summary>No more events: the reader ends once it has read what is buffered.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (_waiting)
            {
                _waiting = false;
                _waiter.RunContinuationsAsynchronously = true;
                _waiter.SetResult(false);
            }
        }
    }

    /// <summary>
    /// Ends the subscriber as one that missed events (<paramref name="reason"/>: lost on their way from another
    /// process): its reader gets RESYNC_REQUIRED after what is buffered.
    /// </summary>
    public void EndBehind(string reason)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _behindReason = reason;
            _completed = true;
            if (_waiting)
            {
                _waiting = false;
                _waiter.RunContinuationsAsynchronously = true;
                _waiter.SetException(new TopicResyncRequiredException(Topic, _lastSequence, reason));
            }
        }
    }

    public IAsyncEnumerator<TopicEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // One subscriber has one buffer: a second reader would steal from the first.
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException($"The stream of topic '{Topic}' can be enumerated only once.");
        }

        _token = cancellationToken;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static state => ((Subscriber<T>)state!).Cancelled(), this);
        }

        return this;
    }

    public ValueTask<bool> MoveNextAsync()
    {
        if (_replayed < _replay.Length)
        {
            Current = _replay[_replayed++];
            _lastSequence = Current.Sequence;
            return new ValueTask<bool>(true);
        }

        _replay = [];
        lock (_gate)
        {
            if (_token.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<bool>(_token);
            }

            if (_count > 0)
            {
                Current = _buffer[_head];
                _buffer[_head] = default;
                _head = (_head + 1) % _buffer.Length;
                _count--;
                _lastSequence = Current.Sequence;
                return new ValueTask<bool>(true);
            }

            if (_completed)
            {
                return _behindReason is { } reason
                    ? ValueTask.FromException<bool>(new TopicResyncRequiredException(
                        Topic,
                        _lastSequence,
                        reason.Length > 0 ? reason : $"it fell {_topic.Options.SubscriberBufferSize} events behind on a topic that ends slow subscribers"))
                    : new ValueTask<bool>(false);
            }

            _waiter.Reset();
            _waiting = true;
            return new ValueTask<bool>(this, _waiter.Version);
        }
    }

    public ValueTask DisposeAsync()
    {
        Leave();
        return ValueTask.CompletedTask;
    }

    bool IValueTaskSource<bool>.GetResult(short token)
    {
        var handed = _waiter.GetResult(token);
        if (handed)
        {
            _lastSequence = Current.Sequence;
        }

        return handed;
    }

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    /// <summary>The enumeration's token fired: a waiting reader ends with the cancellation, and the subscriber leaves the topic.</summary>
    private void Cancelled()
    {
        lock (_gate)
        {
            if (_waiting)
            {
                _waiting = false;
                _waiter.RunContinuationsAsynchronously = true;
                _waiter.SetException(new OperationCanceledException(_token));
            }
        }

        Leave();
    }

    /// <summary>Leaves the topic (which wakes a waiting reader with the end) and drops the buffer, once.</summary>
    private void Leave()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // From the token's own callback this does not wait for that callback to return.
            _registration.Dispose();
            _bus.Unsubscribe(_topic, this);
            lock (_gate)
            {
                _buffer = [];
                _count = 0;
            }
        }
    }

    private void Grow(int capacity)
    {
        var grown = new TopicEvent<T>[Math.Min(capacity, Math.Max(FirstStorage, _buffer.Length * 2))];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _buffer[(_head + i) % _buffer.Length];
        }

        _buffer = grown;
        _head = 0;
    }
}
