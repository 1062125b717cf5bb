using System.Threading.Channels;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// One subscriber's view of a channel, pattern or shard channel. Messages wait in a bounded buffer
/// (<see cref="RedisOptions.SubscriptionBufferCapacity"/>) so the connection's reader never waits for a slow consumer;
/// when the buffer is full the oldest message is dropped and counted in <see cref="DroppedMessages"/>. The subscription
/// survives reconnects (the client subscribes again) until it is disposed, which completes <see cref="Messages"/>.
/// Pub/sub is at-most-once: messages published while the connection is down are lost (see
/// <see cref="RedisClient.ConnectionStateChanged"/> for when to catch up from a durable source).
/// </summary>
public sealed class RedisSubscription : IAsyncDisposable
{
    private readonly RedisSubscriber _owner;
    private readonly Channel<RedisMessage> _buffer;
    private long _dropped;

    internal RedisSubscription(RedisSubscriber owner, RedisSubscriptionKind kind, string name, int capacity)
    {
        _owner = owner;
        Kind = kind;
        Name = name;
        _buffer = Channel.CreateBounded<RedisMessage>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false, SingleWriter = false },
            _ => Interlocked.Increment(ref _dropped));
    }

    public RedisSubscriptionKind Kind { get; }

    /// <summary>The channel, pattern or shard channel subscribed to.</summary>
    public string Name { get; }

    public ChannelReader<RedisMessage> Messages => _buffer.Reader;

    /// <summary>Messages dropped because the buffer was full.</summary>
    public long DroppedMessages => Interlocked.Read(ref _dropped);

    /// <summary>Unsubscribes (on the server too when this was the last local subscriber) and completes <see cref="Messages"/>.</summary>
    public ValueTask DisposeAsync() => _owner.RemoveAsync(this);

    internal void Deliver(in RedisMessage message) => _buffer.Writer.TryWrite(message);

    internal void Complete() => _buffer.Writer.TryComplete();
}
