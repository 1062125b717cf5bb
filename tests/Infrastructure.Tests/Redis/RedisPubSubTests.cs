using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

public sealed class RedisPubSubTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Database = 3;

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Subscriber_receives_messages_in_order(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var channel = RedisTestServer.Key("channel");
        await using var subscription = await client.SubscribeAsync(channel, cancellationToken: Ct);
        Assert.Equal(RedisConnectionState.Connected, client.SubscriptionState);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(1, await client.PublishAsync(channel, i, cancellationToken: Ct));
        }

        for (var i = 0; i < 100; i++)
        {
            var message = await subscription.Messages.ReadAsync(TestContext.Current.CancellationToken);
            Assert.Equal(channel, message.Channel);
            Assert.Equal(i, (long)message.Payload);
            Assert.Null(message.Pattern);
        }
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Pattern_subscriber_receives_matching_channels_with_the_pattern(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var prefix = RedisTestServer.Key("pattern");
        await using var subscription = await client.PatternSubscribeAsync($"{prefix}:*", cancellationToken: Ct);

        await client.PublishAsync($"{prefix}:a", "one", cancellationToken: Ct);
        await client.PublishAsync($"{prefix}-other", "not this", cancellationToken: Ct);
        await client.PublishAsync($"{prefix}:b", "two", cancellationToken: Ct);

        var first = await subscription.Messages.ReadAsync(TestContext.Current.CancellationToken);
        var second = await subscription.Messages.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(($"{prefix}:a", "one", $"{prefix}:*"), (first.Channel, first.Payload.ToString(), first.Pattern));
        Assert.Equal(($"{prefix}:b", "two"), (second.Channel, second.Payload.ToString()));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Shard_subscriber_receives_shard_publishes_only(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var channel = RedisTestServer.Key("shard");
        await using var shard = await client.ShardSubscribeAsync(channel, cancellationToken: Ct);
        await using var plain = await client.SubscribeAsync(channel, cancellationToken: Ct);

        Assert.Equal(1, await client.ShardPublishAsync(channel, "sharded", cancellationToken: Ct));
        Assert.Equal(1, await client.PublishAsync(channel, "plain", cancellationToken: Ct));

        Assert.Equal("sharded", (await shard.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());
        Assert.Equal("plain", (await plain.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());
        Assert.False(shard.Messages.TryRead(out _));
    }

    [Fact]
    public async Task Two_local_subscribers_share_one_server_subscription()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        var channel = RedisTestServer.Key("shared");
        var first = await client.SubscribeAsync(channel, cancellationToken: Ct);
        await using var second = await client.SubscribeAsync(channel, cancellationToken: Ct);

        Assert.Equal(1, await client.PublishAsync(channel, "both", cancellationToken: Ct));
        Assert.Equal("both", (await first.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());
        Assert.Equal("both", (await second.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());

        await first.DisposeAsync();
        Assert.True(first.Messages.Completion.IsCompleted);
        Assert.Equal(1, await client.PublishAsync(channel, "second only", cancellationToken: Ct));
        Assert.Equal("second only", (await second.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());
    }

    [Fact]
    public async Task Unsubscribing_the_last_subscriber_unsubscribes_on_the_server()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        var channel = RedisTestServer.Key("gone");
        var subscription = await client.SubscribeAsync(channel, cancellationToken: Ct);
        Assert.Equal(1, await client.PublishAsync(channel, "x", cancellationToken: Ct));

        await subscription.DisposeAsync();

        Assert.Equal(0, await client.PublishAsync(channel, "nobody", cancellationToken: Ct));
        var numsub = await client.ExecuteAsync("PUBSUB", "NUMSUB", channel);
        Assert.Equal(0, numsub[1].AsInt64());
    }

    [Fact]
    public async Task Slow_subscriber_loses_the_oldest_messages_and_counts_them()
    {
        var options = RedisTestServer.Options(Database, extra: ",subscriptionBuffer=10");
        await using var client = await RedisClient.ConnectAsync(options, cancellationToken: Ct);
        var channel = RedisTestServer.Key("slow");
        await using var subscription = await client.SubscribeAsync(channel, cancellationToken: Ct);
        await using var marker = await client.SubscribeAsync(channel + ":done", cancellationToken: Ct);

        for (var i = 0; i < 25; i++)
        {
            await client.PublishAsync(channel, i, cancellationToken: Ct);
        }

        // Messages arrive in publish order on one connection: once the marker is here, all 25 were routed.
        await client.PublishAsync(channel + ":done", "done", cancellationToken: Ct);
        await marker.Messages.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(15, subscription.DroppedMessages);
        var kept = new List<long>();
        while (subscription.Messages.TryRead(out var message))
        {
            kept.Add((long)message.Payload);
        }

        Assert.Equal(Enumerable.Range(15, 10).Select(i => (long)i), kept);
    }

    [Fact]
    public async Task Binary_payload_is_delivered_intact()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        var channel = RedisTestServer.Key("binary");
        await using var subscription = await client.SubscribeAsync(channel, cancellationToken: Ct);
        var payload = new byte[] { 0, 1, 13, 10, 255, 42 };

        await client.PublishAsync(channel, payload, cancellationToken: Ct);

        Assert.Equal(payload, (await subscription.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToArray());
    }
}
