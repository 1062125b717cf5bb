namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// A subscriber's stream: the replayed events, then its buffer, then either the end of the topic or,
/// when the subscriber fell behind on a log topic, <see cref="TopicResyncRequiredException"/>.
/// </summary>
internal sealed class TopicSourceStream<T> : ISourceStream<T>
{
    private readonly InMemoryTopicEventBus? _bus;
    private readonly Topic<T>? _topic;
    private readonly Subscriber<T>? _subscriber;
    private readonly TopicResyncRequiredException? _failure;
    private TopicEvent<T>[] _replay;
    private long _lastSequence;
    private int _enumerated;
    private int _disposed;

    public TopicSourceStream(InMemoryTopicEventBus bus, Topic<T> topic, Subscriber<T> subscriber, TopicEvent<T>[] replay, long lastSequence)
    {
        _bus = bus;
        _topic = topic;
        _subscriber = subscriber;
        _replay = replay;
        _lastSequence = lastSequence;
        Topic = topic.Name;
    }

    /// <summary>A stream that could not start: it ends with <paramref name="failure"/> at once.</summary>
    public TopicSourceStream(string topic, TopicResyncRequiredException failure)
    {
        _failure = failure;
        _replay = [];
        Topic = topic;
    }

    public string Topic { get; }

    public IAsyncEnumerator<TopicEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // One subscriber has one buffer: a second reader would steal from the first.
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException($"The stream of topic '{Topic}' can be enumerated only once.");
        }

        return ReadAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _topic is not null)
        {
            _bus!.Unsubscribe(_topic, _subscriber!);
        }

        return ValueTask.CompletedTask;
    }

    private async IAsyncEnumerator<TopicEvent<T>> ReadAsync(CancellationToken ct)
    {
        try
        {
            if (_failure is not null)
            {
                throw _failure;
            }

            foreach (var replayed in _replay)
            {
                _lastSequence = replayed.Sequence;
                yield return replayed;
            }

            _replay = [];
            var reader = _subscriber!.Reader;
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (reader.TryRead(out var published))
                {
                    _lastSequence = published.Sequence;
                    yield return published;
                }
            }

            if (_subscriber.BehindReason is { } reason)
            {
                throw new TopicResyncRequiredException(
                    Topic,
                    _lastSequence,
                    reason.Length > 0 ? reason : $"it fell {_topic!.Options.SubscriberBufferSize} events behind on a topic that ends slow subscribers");
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }
}
