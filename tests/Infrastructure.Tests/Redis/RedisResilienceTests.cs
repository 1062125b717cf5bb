using System.Collections.Concurrent;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

/// <summary>A private server killed and restarted under the client's feet.</summary>
public sealed class RedisResilienceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Generous on purpose: a failure must come from the dropped connection, never from the command timeout.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Killed_server_fails_in_flight_commands_then_the_client_reconnects_and_resubscribes(RedisProtocol protocol)
    {
        await using var server = await PrivateRedisServer.StartAsync("--enable-debug-command", "yes");
        var options = server.Options();
        options.Protocol = protocol;
        await using var client = await RedisClient.ConnectAsync(options, cancellationToken: Ct);
        var changes = new ConcurrentQueue<RedisConnectionStateChangedEventArgs>();
        var commandsBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscriptionsBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, change) =>
        {
            changes.Enqueue(change);
            if (change is { State: RedisConnectionState.Connected, IsReconnect: true })
            {
                (change.Role == RedisConnectionRole.Commands ? commandsBack : subscriptionsBack).TrySetResult();
            }
        };

        await using var subscription = await client.SubscribeAsync("events", cancellationToken: Ct);
        await using var patterned = await client.PatternSubscribeAsync("events.*", cancellationToken: Ct);
        await using var shard = await client.ShardSubscribeAsync("shard-events", cancellationToken: Ct);
        await client.PublishAsync("events", "before", cancellationToken: Ct);
        Assert.Equal("before", (await subscription.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());

        // In flight when the server dies: a blocking read on its own connection, a command the server is busy with,
        // and a thousand more queued behind it.
        var blockingRead = client.StreamReadAsync("stream", "$", block: TimeSpan.Zero, cancellationToken: Ct).AsTask();
        var sleeping = client.ExecuteAsync("DEBUG", "SLEEP", 30).AsTask();
        var queued = Enumerable.Range(0, 1000).Select(_ => client.IncrementAsync("counter").AsTask()).ToArray();

        await server.KillAsync();

        await AssertConnectionLost(blockingRead);
        await AssertConnectionLost(sleeping);
        foreach (var command in queued)
        {
            await AssertConnectionLost(command);
        }

        // While the server is down commands fail at once rather than queue.
        await AssertConnectionLost(client.GetAsync("counter", cancellationToken: Ct).AsTask());

        await server.StartAsync();
        await commandsBack.Task.WaitAsync(Guard, TestContext.Current.CancellationToken);
        await subscriptionsBack.Task.WaitAsync(Guard, TestContext.Current.CancellationToken);

        Assert.Equal(1, await client.IncrementAsync("counter", cancellationToken: Ct));
        Assert.Equal(1, await client.PublishAsync("events", "after", cancellationToken: Ct));
        Assert.Equal(1, await client.PublishAsync("events.x", "after-pattern", cancellationToken: Ct));
        Assert.Equal(1, await client.ShardPublishAsync("shard-events", "after-shard", cancellationToken: Ct));
        Assert.Equal("after", (await subscription.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());
        Assert.Equal("after-pattern", (await patterned.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());
        Assert.Equal("after-shard", (await shard.Messages.ReadAsync(TestContext.Current.CancellationToken)).Payload.ToString());

        Assert.Contains(changes, c => c is { Role: RedisConnectionRole.Commands, State: RedisConnectionState.Disconnected, Exception: not null });
        Assert.Contains(changes, c => c is { Role: RedisConnectionRole.Subscriptions, State: RedisConnectionState.Disconnected });
        Assert.Equal(RedisConnectionState.Connected, client.State);

        // A blocking read works again too, on a fresh leased connection (after id 0: whether the entry is added before or
        // after the read starts to wait, the read returns it).
        var read = client.StreamReadAsync("stream", "0", block: TimeSpan.Zero, cancellationToken: Ct).AsTask();
        await client.StreamAddAsync("stream", [new("n", 1)], cancellationToken: Ct);
        Assert.Single(await read.WaitAsync(Guard, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Frozen_server_is_noticed_by_the_heartbeat_and_the_connection_replaced()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await using var client = await RedisClient.ConnectAsync(server.Options(",keepAlive=1,syncTimeout=500,connectTimeout=1000"), cancellationToken: Ct);
        var lost = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, change) =>
        {
            if (change is { Role: RedisConnectionRole.Commands, State: RedisConnectionState.Disconnected })
            {
                lost.TrySetResult(change.Exception);
            }
            else if (change is { Role: RedisConnectionRole.Commands, State: RedisConnectionState.Connected, IsReconnect: true })
            {
                back.TrySetResult();
            }
        };

        // Nothing is sent by the test: only the heartbeat can find out that the server stopped answering.
        await server.FreezeAsync();
        var reason = await lost.Task.WaitAsync(Guard, Ct);
        Assert.Contains("stopped answering", reason?.Message, StringComparison.Ordinal);

        await server.ThawAsync();
        await back.Task.WaitAsync(Guard, Ct);
        Assert.True(await client.PingAsync(Ct) >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Client_that_may_start_without_the_server_connects_once_it_is_up()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await server.KillAsync();
        await using var client = new RedisClient(server.Options(",abortConnect=false"));
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, change) =>
        {
            if (change.State == RedisConnectionState.Connected)
            {
                connected.TrySetResult();
            }
        };

        await client.ConnectAsync(TestContext.Current.CancellationToken);
        Assert.Equal(RedisConnectionState.Disconnected, client.State);
        await Assert.ThrowsAsync<RedisConnectionException>(async () => await client.PingAsync(cancellationToken: Ct));

        await server.StartAsync();
        await connected.Task.WaitAsync(Guard, TestContext.Current.CancellationToken);
        Assert.True(await client.PingAsync(cancellationToken: Ct) >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Unreachable_server_fails_the_first_connect()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await server.KillAsync();
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisClient.ConnectAsync(server.Options(), cancellationToken: Ct));
        Assert.Contains($"127.0.0.1:{server.Port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_that_accepts_but_never_answers_fails_the_connect_with_a_timeout()
    {
        await using var server = await PrivateRedisServer.StartAsync();
        await server.FreezeAsync();

        // The kernel accepts the socket; HELLO never gets an answer.
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisClient.ConnectAsync(server.Options(",connectTimeout=300"), cancellationToken: Ct));
        Assert.Contains("timed out after 300 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_without_a_reply_in_time_times_out_and_its_late_reply_goes_to_no_one()
    {
        await using var server = await PrivateRedisServer.StartAsync("--enable-debug-command", "yes");
        await using var client = await RedisClient.ConnectAsync(server.Options(",syncTimeout=200"), cancellationToken: Ct);

        var sleeping = client.ExecuteAsync("DEBUG", ["SLEEP", 1], Ct).AsTask();
        var behind = client.IncrementAsync("n", cancellationToken: Ct).AsTask();

        await Assert.ThrowsAsync<RedisTimeoutException>(() => sleeping);
        await Assert.ThrowsAsync<RedisTimeoutException>(() => behind);

        // The late replies (+OK, :1) are matched to the timed-out commands and dropped: every later caller gets its own
        // reply. ECHO until the server is awake again (an ECHO may time out too while it sleeps), each answer checked.
        var echoed = false;
        for (var attempt = 0; !echoed; attempt++)
        {
            var marker = $"marker-{attempt}";
            try
            {
                Assert.Equal(marker, (await client.ExecuteAsync("ECHO", [marker], Ct)).AsString());
                echoed = true;
            }
            catch (RedisTimeoutException)
            {
                // Still asleep.
            }
        }

        // The INCR that timed out still ran on the server.
        var counter = await client.ExecuteAsync("GET", ["n"], Ct);
        Assert.Equal((RedisReplyType.BulkString, "1"), (counter.Type, counter.AsString()));
    }

    [Fact]
    public async Task Cancelled_command_keeps_its_place_so_the_next_caller_gets_the_right_reply()
    {
        await using var server = await PrivateRedisServer.StartAsync("--enable-debug-command", "yes");
        await using var client = await RedisClient.ConnectAsync(server.Options(), cancellationToken: Ct);
        using var cancel = new CancellationTokenSource();

        var sleeping = client.ExecuteAsync("DEBUG", ["SLEEP", "0.5"], cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sleeping);

        Assert.Equal("value", await client.SetAsync("k", "value", cancellationToken: Ct) ? (await client.GetAsync("k", cancellationToken: Ct)).ToString() : null);
    }

    [Fact]
    public async Task Busy_script_gives_a_busy_error_to_other_clients()
    {
        await using var server = await PrivateRedisServer.StartAsync("--busy-reply-threshold", "100");
        await using var looping = await RedisClient.ConnectAsync(server.Options(), cancellationToken: Ct);
        await using var other = await RedisClient.ConnectAsync(server.Options(), cancellationToken: Ct);

        var script = looping.EvalAsync("local i = 0 while true do i = i + 1 end", cancellationToken: Ct).AsTask();
        RedisBusyException? busy = null;
        while (busy is null)
        {
            try
            {
                await other.PingAsync(cancellationToken: Ct);
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            catch (RedisBusyException exception)
            {
                busy = exception;
            }
        }

        Assert.Equal("BUSY", busy.Prefix);
        await other.ExecuteAsync("SCRIPT", "KILL");
        var killed = await Assert.ThrowsAsync<RedisServerException>(() => script);
        Assert.Contains("killed", killed.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Replica_refuses_writes_with_a_read_only_error()
    {
        await using var primary = await PrivateRedisServer.StartAsync();
        await using var replica = await PrivateRedisServer.StartAsync("--replicaof", "127.0.0.1", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var client = await RedisClient.ConnectAsync(replica.Options(), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RedisReadOnlyException>(async () => await client.SetAsync("k", 1, cancellationToken: Ct));
        Assert.Equal("READONLY", error.Prefix);
        Assert.False(error.IsRetryable);
    }

    private static async Task AssertConnectionLost(Task command)
    {
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => command.WaitAsync(Guard));
        Assert.NotNull(error.Message);
    }
}
