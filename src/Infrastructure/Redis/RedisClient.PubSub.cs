namespace Voting.Infrastructure.Redis;

public sealed partial class RedisClient
{
    /// <summary>PUBLISH: how many subscribers (on this node) received the message.</summary>
    public ValueTask<long> PublishAsync(string channel, RedisValue message, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Publish, [channel, message], RedisReplyConverters.Int64, cancellationToken);

    /// <summary>SPUBLISH: publishes to a shard channel (received by SSUBSCRIBE only).</summary>
    public ValueTask<long> ShardPublishAsync(string channel, RedisValue message, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.SPublish, [channel, message], RedisReplyConverters.Int64, cancellationToken);

    /// <summary>SUBSCRIBE: returns once the server confirmed it. Read <see cref="RedisSubscription.Messages"/>; dispose to unsubscribe.</summary>
    public Task<RedisSubscription> SubscribeAsync(string channel, CancellationToken cancellationToken = default) =>
        _subscriber.SubscribeAsync(RedisSubscriptionKind.Channel, channel, cancellationToken);

    /// <summary>PSUBSCRIBE: every channel matching the glob <paramref name="pattern"/> (<c>election:*</c>).</summary>
    public Task<RedisSubscription> PatternSubscribeAsync(string pattern, CancellationToken cancellationToken = default) =>
        _subscriber.SubscribeAsync(RedisSubscriptionKind.Pattern, pattern, cancellationToken);

    /// <summary>SSUBSCRIBE: a shard channel, fed by <see cref="ShardPublishAsync"/>.</summary>
    public Task<RedisSubscription> ShardSubscribeAsync(string channel, CancellationToken cancellationToken = default) =>
        _subscriber.SubscribeAsync(RedisSubscriptionKind.Shard, channel, cancellationToken);
}
