namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// A subscriber's stream on the distributed bus: the replay read from the backplane's log, then the local
/// live stream without the events the replay already gave. Disposing it releases the topic's relay.
/// </summary>
internal sealed class RelayedSourceStream<T> : ISourceStream<T>
{
    private readonly DistributedTopicEventBus _bus;
    private readonly RelayedTopic _relay;
    private readonly ISourceStream<T>? _live;
    private readonly TopicResyncRequiredException? _failure;
    private readonly long _skipThrough;
    private readonly bool _endsAfterReplay;
    private TopicEvent<T>[] _replay;
    private long _last;
    private int _enumerated;
    private int _disposed;

    /// <param name="startedAt">What the subscriber has when the stream starts: the sequence it resumed after, else the last relayed at registration.</param>
    public RelayedSourceStream(DistributedTopicEventBus bus, RelayedTopic relay, ISourceStream<T> live, TopicEvent<T>[] replay, long skipThrough, bool endsAfterReplay, long startedAt)
    {
        _last = startedAt;
        _bus = bus;
        _relay = relay;
        _live = live;
        _replay = replay;
        _skipThrough = skipThrough;
        _endsAfterReplay = endsAfterReplay;
    }

    public RelayedSourceStream(DistributedTopicEventBus bus, RelayedTopic relay, TopicResyncRequiredException failure)
    {
        _bus = bus;
        _relay = relay;
        _failure = failure;
        _replay = [];
    }

    public string Topic => _relay.Topic;

    public IAsyncEnumerator<TopicEvent<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException($"The stream of topic '{Topic}' can be enumerated only once.");
        }

        return ReadAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_live is not null)
        {
            await _live.DisposeAsync().ConfigureAwait(false);
        }

        await _bus.ReleaseAsync(_relay).ConfigureAwait(false);
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
                _last = replayed.Sequence;
                yield return replayed;
            }

            _replay = [];
            if (_endsAfterReplay)
            {
                yield break;
            }

            await using var live = _live!.WithCancellation(ct).ConfigureAwait(false).GetAsyncEnumerator();
            while (true)
            {
                TopicEvent<T> published;
                try
                {
                    if (!await live.MoveNextAsync())
                    {
                        break;
                    }

                    published = live.Current;
                }
                catch (TopicResyncRequiredException resync)
                {
                    // The local stream counts from its own start; the subscriber has everything up to what it was given here.
                    throw new TopicResyncRequiredException(Topic, _last, resync.Reason);
                }

                if (published.Sequence > _skipThrough)
                {
                    _last = published.Sequence;
                    yield return published;
                }
            }
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }
}
