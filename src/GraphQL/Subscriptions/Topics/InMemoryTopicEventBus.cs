using System.Collections.Concurrent;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// The topic event bus of one process. A send appends under its topic's lock and offers the event to
/// each subscriber's bounded buffer without waiting, so a slow subscriber never delays the sender or
/// the other subscribers; the topic's <see cref="TopicOptions"/> (from <see cref="TopicOptionsRegistry"/>)
/// decide its replay window, buffer size and slow-subscriber policy. A topic with no subscriber and no
/// replay window is forgotten, so the number of topics kept follows the subscriptions, not the names ever used.
/// </summary>
public sealed class InMemoryTopicEventBus : ITopicEventSender, ITopicEventReceiver
{
    private readonly ConcurrentDictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Func<string, TopicOptions> _resolveOptions;
    private readonly TimeProvider _time;

    // The highest sequence of any topic forgotten so far: a topic created afterwards starts above it.
    private long _lastRetiredSequence;

    /// <summary>Creates a bus whose topics take their options from <paramref name="registry"/> (all defaults when null).</summary>
    public InMemoryTopicEventBus(TopicOptionsRegistry? registry = null, TimeProvider? time = null)
    {
        _resolveOptions = (registry ?? new TopicOptionsRegistry()).Resolve;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A bus whose topics take the options <paramref name="resolveOptions"/> gives (the local fan-out of <see cref="DistributedTopicEventBus"/>).</summary>
    internal InMemoryTopicEventBus(Func<string, TopicOptions> resolveOptions, TimeProvider? time)
    {
        _resolveOptions = resolveOptions;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many topics the bus currently keeps.</summary>
    public int TopicCount => _topics.Count;

    /// <inheritdoc />
    public ValueTask<long> SendAsync<T>(string topic, T message, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ct.ThrowIfCancellationRequested();
        while (true)
        {
            var found = GetOrCreate<T>(topic);
            long sequence;
            ITopicWaiter[]? handed;
            lock (found.Gate)
            {
                if (found.Retired)
                {
                    continue;
                }

                sequence = found.Append(message, _time.GetUtcNow(), out handed);
                if (found.IsIdle)
                {
                    Retire(found);
                }
            }

            Wake(handed);
            return ValueTask.FromResult(sequence);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        if (_topics.TryGetValue(topic, out var found))
        {
            lock (found.Gate)
            {
                // A retired topic has no subscribers left to complete.
                if (!found.Retired)
                {
                    found.CompleteSubscribers();
                    Retire(found);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<ISourceStream<T>> SubscribeAsync<T>(string topic, SubscribeOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var after = options?.AfterSequence;
        if (after is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(options));
        }

        ct.ThrowIfCancellationRequested();
        while (true)
        {
            var found = GetOrCreate<T>(topic);
            lock (found.Gate)
            {
                if (found.Retired)
                {
                    continue;
                }

                // The replay snapshot and the registration happen under one lock: no send falls between
                // them, so the stream has neither a gap nor a duplicate where replay meets live events.
                if (!found.TryReplay(after, out var replay, out var reason))
                {
                    if (found.IsIdle)
                    {
                        Retire(found);
                    }

                    return ValueTask.FromResult<ISourceStream<T>>(
                        new FailedSourceStream<T>(topic, new TopicResyncRequiredException(topic, after!.Value, reason!)));
                }

                var subscriber = new Subscriber<T>(this, found, replay, after ?? found.LastSequence);
                found.Add(subscriber);
                return ValueTask.FromResult<ISourceStream<T>>(subscriber);
            }
        }
    }

    /// <summary>
    /// Appends an event another process sequenced (see <see cref="DistributedTopicEventBus"/>) and offers it
    /// to this process's subscribers. An event at or below the topic's last sequence is a duplicate and is
    /// dropped; a topic nobody here subscribes to and that keeps no window is not created for it.
    /// </summary>
    /// <returns>Whether the event was appended.</returns>
    internal bool Relay<T>(string topic, TopicEvent<T> published)
    {
        while (true)
        {
            var found = GetOrCreate<T>(topic);
            bool appended;
            ITopicWaiter[]? handed = null;
            lock (found.Gate)
            {
                if (found.Retired)
                {
                    continue;
                }

                appended = published.Sequence > found.LastSequence;
                if (appended)
                {
                    found.AppendRelayed(published, out handed);
                }

                if (found.IsIdle)
                {
                    Retire(found);
                }
            }

            Wake(handed);
            return appended;
        }
    }

    /// <summary>Resumes the readers an append handed its event to, on the fan-out threads, after the topic's gate is released.</summary>
    private static void Wake(ITopicWaiter[]? handed)
    {
        if (handed is not null)
        {
            TopicFanOut.Shared.Wake(handed);
        }
    }

    /// <summary>
    /// Ends the topic's current subscribers with RESYNC_REQUIRED after what they hold: events on their
    /// way from another process were lost (<paramref name="reason"/> says how).
    /// </summary>
    internal void EndSubscribersBehind<T>(string topic, string reason)
    {
        if (_topics.TryGetValue(topic, out var found) && found is Topic<T> typed)
        {
            lock (typed.Gate)
            {
                if (!typed.Retired)
                {
                    typed.EndSubscribersBehind(reason);
                    if (typed.IsIdle)
                    {
                        Retire(typed);
                    }
                }
            }
        }
    }

    internal void Unsubscribe<T>(Topic<T> topic, Subscriber<T> subscriber)
    {
        lock (topic.Gate)
        {
            subscriber.Complete();
            if (topic.Remove(subscriber) && topic.IsIdle && !topic.Retired)
            {
                Retire(topic);
            }
        }
    }

    private Topic<T> GetOrCreate<T>(string name)
    {
        var found = _topics.GetOrAdd(
            name,
            static (name, bus) => new Topic<T>(name, bus._resolveOptions(name), Volatile.Read(ref bus._lastRetiredSequence)),
            this);
        return found as Topic<T>
            ?? throw new InvalidOperationException(
                $"Topic '{name}' carries {found.MessageType.Name} messages, not {typeof(T).Name}.");
    }

    /// <summary>Forgets a topic; called with its gate held.</summary>
    private void Retire(Topic topic)
    {
        topic.Retired = true;

        // Raised before the topic leaves the dictionary, so that whoever creates the name again, which
        // can only happen after the removal, starts above this topic's last sequence.
        var last = Volatile.Read(ref _lastRetiredSequence);
        while (topic.LastSequence > last)
        {
            var seen = Interlocked.CompareExchange(ref _lastRetiredSequence, topic.LastSequence, last);
            if (seen == last)
            {
                break;
            }

            last = seen;
        }

        _topics.TryRemove(new KeyValuePair<string, Topic>(topic.Name, topic));
    }
}
