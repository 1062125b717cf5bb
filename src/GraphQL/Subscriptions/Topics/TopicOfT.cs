namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>A topic's replay window and subscribers. Every member is called with <see cref="Topic.Gate"/> held.</summary>
internal sealed class Topic<T>(string name, TopicOptions options, long lastRetiredSequence) : Topic(name, options, lastRetiredSequence)
{
    // A ring of the latest events, oldest at _windowStart; sequences in it are contiguous and end at LastSequence.
    private readonly TopicEvent<T>[] _window = new TopicEvent<T>[options.ReplayWindow];
    private int _windowStart;
    private int _windowCount;

    // Changed in place under the gate (never copied: a topic with ten thousand subscribers would copy
    // 80 KB per subscribe); order among subscribers does not matter, so a removal moves the last one in.
    private readonly List<Subscriber<T>> _subscribers = [];

    public override bool IsIdle => _subscribers.Count == 0 && _window.Length == 0;

    public override Type MessageType => typeof(T);

    // The readers the append in progress handed its event to; reused, since appends hold the gate.
    private readonly List<ITopicWaiter> _handed = [];

    /// <summary>Appends an event; <paramref name="handed"/> gets the readers to wake once the gate is released (null for none).</summary>
    public long Append(T message, DateTimeOffset publishedAt, out ITopicWaiter[]? handed) =>
        AppendRelayed(new TopicEvent<T>(LastSequence + 1, message, publishedAt), out handed);

    /// <summary>Appends an event whose sequence another process gave; it must be above <see cref="Topic.LastSequence"/>.</summary>
    public long AppendRelayed(TopicEvent<T> published, out ITopicWaiter[]? handed)
    {
        LastSequence = published.Sequence;
        if (_window.Length > 0)
        {
            _window[(_windowStart + _windowCount) % _window.Length] = published;
            if (_windowCount < _window.Length)
            {
                _windowCount++;
            }
            else
            {
                _windowStart = (_windowStart + 1) % _window.Length;
            }
        }

        for (var i = _subscribers.Count - 1; i >= 0; i--)
        {
            var subscriber = _subscribers[i];
            switch (subscriber.Offer(published))
            {
                case OfferResult.Handed:
                    _handed.Add(subscriber);
                    break;
                case OfferResult.Over:
                    RemoveAt(i);
                    break;
            }
        }

        handed = _handed.Count == 0 ? null : [.. _handed];
        _handed.Clear();
        return published.Sequence;
    }

    /// <summary>
    /// The events after <paramref name="afterSequence"/>, or why the topic cannot give them all. A snapshot
    /// topic replays only as many of the newest as a subscriber's buffer would keep.
    /// </summary>
    public bool TryReplay(long? afterSequence, out TopicEvent<T>[] replay, out string? reason)
    {
        replay = [];
        reason = null;
        if (afterSequence is not { } after || after == LastSequence)
        {
            return true;
        }

        if (after > LastSequence)
        {
            reason = $"the topic is only at sequence {LastSequence}: it was restarted or forgotten";
            return false;
        }

        var missing = LastSequence - after;
        if (missing > _windowCount)
        {
            reason = $"the topic's replay window holds only its last {_windowCount} events";
            return false;
        }

        if (Options.Policy == SlowSubscriberPolicy.Coalesce)
        {
            missing = Math.Min(missing, Options.SubscriberBufferSize);
        }

        replay = new TopicEvent<T>[missing];
        var first = _windowStart + _windowCount - (int)missing;
        for (var i = 0; i < replay.Length; i++)
        {
            replay[i] = _window[(first + i) % _window.Length];
        }

        return true;
    }

    public void Add(Subscriber<T> subscriber) => _subscribers.Add(subscriber);

    public bool Remove(Subscriber<T> subscriber)
    {
        var index = _subscribers.IndexOf(subscriber);
        if (index < 0)
        {
            return false;
        }

        RemoveAt(index);
        return true;
    }

    /// <summary>Ends every subscriber with RESYNC_REQUIRED once it has read what it holds: the topic lost events it cannot give them.</summary>
    public void EndSubscribersBehind(string reason)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.EndBehind(reason);
        }

        _subscribers.Clear();
    }

    public override void CompleteSubscribers()
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Complete();
        }

        _subscribers.Clear();
    }

    private void RemoveAt(int index)
    {
        var last = _subscribers.Count - 1;
        _subscribers[index] = _subscribers[last];
        _subscribers.RemoveAt(last);
    }
}
