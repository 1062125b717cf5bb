using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// A topic event bus shared by several processes through an <see cref="ITopicBackplane"/> (Redis), with the
/// delivery contract of <see cref="InMemoryTopicEventBus"/>: the backplane gives every event its sequence,
/// so all processes see one order per topic; each process relays the topics its subscribers want into a
/// local in-memory fan-out, where every subscriber keeps its bounded buffer and the topic's
/// <see cref="SlowSubscriberPolicy"/>; a subscriber resuming after a sequence replays from the backplane's
/// log, then continues live, with no gap and no duplicate.
/// </summary>
/// <remarks>
/// A send goes to the backplane only; the sender's own process gets the event back like every other, so
/// every subscriber sees the same order. A relay repairs what the backplane's push loses (a reconnect, a
/// dropped message) from the log. An event the log no longer holds is a gap: a snapshot topic
/// (<see cref="SlowSubscriberPolicy.Coalesce"/>) skips it, a log topic ends its subscribers with
/// RESYNC_REQUIRED.
/// </remarks>
public sealed class DistributedTopicEventBus : ITopicEventSender, ITopicEventReceiver, IAsyncDisposable
{
    /// <summary>The log keeps at least this many events of every topic, to repair a relay after a short disconnection.</summary>
    public const int MinimumRetained = 256;

    private readonly Dictionary<string, RelayedTopic> _relays = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TopicOptionsRegistry _registry;
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <summary>Creates the bus; topics take their options from <paramref name="registry"/>.</summary>
    public DistributedTopicEventBus(
        ITopicBackplane backplane,
        ITopicMessageSerializer serializer,
        TopicOptionsRegistry registry,
        TimeProvider? time = null,
        ILogger<DistributedTopicEventBus>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backplane);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(registry);
        Backplane = backplane;
        Serializer = serializer;
        _registry = registry;
        _time = time ?? TimeProvider.System;
        Logger = logger ?? (ILogger)NullLogger.Instance;

        // The log on the backplane serves replays, so the local topics keep no window: one is forgotten
        // as soon as its last local subscriber leaves, and its relay stops.
        Local = new InMemoryTopicEventBus(name => registry.Resolve(name) with { ReplayWindow = 0 }, _time);
    }

    /// <summary>How many topics this process relays now (those its subscribers want).</summary>
    public int RelayedTopicCount
    {
        get
        {
            lock (_gate)
            {
                return _relays.Count;
            }
        }
    }

    internal ITopicBackplane Backplane { get; }

    internal ITopicMessageSerializer Serializer { get; }

    internal InMemoryTopicEventBus Local { get; }

    internal ILogger Logger { get; }

    /// <inheritdoc />
    public async ValueTask<long> SendAsync<T>(string topic, T message, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var payload = Serializer.Serialize(message);
        if (payload.Length == 0)
        {
            throw new InvalidOperationException($"The serializer turned a {typeof(T).Name} into no bytes, which would mark the end of topic '{topic}'.");
        }

        return await Backplane.AppendAsync(topic, payload, _time.GetUtcNow(), Retained(topic), ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        await Backplane.AppendAsync(topic, ReadOnlyMemory<byte>.Empty, _time.GetUtcNow(), Retained(topic), CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ISourceStream<T>> SubscribeAsync<T>(string topic, SubscribeOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        if (options?.AfterSequence is { } after)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(after, nameof(options));
        }

        var relay = Acquire<T>(topic);
        try
        {
            return await relay.SubscribeAsync(options?.AfterSequence, ct).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(relay).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops every relay; subscribers' streams end.</summary>
    public async ValueTask DisposeAsync()
    {
        RelayedTopic[] relays;
        lock (_gate)
        {
            _disposed = true;
            relays = [.. _relays.Values];
            _relays.Clear();
        }

        foreach (var relay in relays)
        {
            await relay.StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A local subscriber left; the relay stops with the last one.</summary>
    internal async ValueTask ReleaseAsync(RelayedTopic relay)
    {
        lock (_gate)
        {
            if (--relay.Subscribers > 0 || !_relays.Remove(relay.Topic, out var current))
            {
                return;
            }

            if (current != relay)
            {
                _relays[relay.Topic] = current;
                return;
            }
        }

        await relay.StopAsync().ConfigureAwait(false);
    }

    private RelayedTopic<T> Acquire<T>(string topic)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_relays.TryGetValue(topic, out var relay))
            {
                relay = new RelayedTopic<T>(this, topic, _registry.Resolve(topic));
                _relays.Add(topic, relay);
            }

            var typed = relay as RelayedTopic<T>
                ?? throw new InvalidOperationException($"Topic '{topic}' carries {relay.MessageType.Name} messages, not {typeof(T).Name}.");
            typed.Subscribers++;
            return typed;
        }
    }

    private int Retained(string topic) => Math.Max(MinimumRetained, _registry.Resolve(topic).ReplayWindow);
}
