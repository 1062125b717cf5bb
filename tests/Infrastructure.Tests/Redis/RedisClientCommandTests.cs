using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

/// <summary>Every command family against the shared server, over RESP2 and RESP3 (their replies differ in shape).</summary>
public sealed class RedisClientCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Database = 1;

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Protocol_is_the_one_asked_for(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        Assert.Equal((int)protocol, client.ProtocolVersion);
        Assert.True(await client.PingAsync(cancellationToken: Ct) >= TimeSpan.Zero);
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Strings_set_get_and_delete(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("string");
        var other = RedisTestServer.Key("string");

        Assert.True((await client.GetAsync(key, cancellationToken: Ct)).IsNull);
        Assert.True(await client.SetAsync(key, "héllo", cancellationToken: Ct));
        Assert.Equal("héllo", (await client.GetAsync(key, cancellationToken: Ct)).ToString());
        Assert.True(await client.SetAsync(other, new byte[] { 0, 255, 13, 10 }, cancellationToken: Ct));
        Assert.Equal(new byte[] { 0, 255, 13, 10 }, (await client.GetAsync(other, cancellationToken: Ct)).ToArray());

        var values = await client.MGetAsync([key, RedisTestServer.Key("missing"), other], cancellationToken: Ct);
        Assert.Equal("héllo", values[0].ToString());
        Assert.True(values[1].IsNull);

        Assert.Equal(2, await client.ExistsAsync([key, other], cancellationToken: Ct));
        Assert.Equal(2, await client.DeleteAsync([key, other, RedisTestServer.Key("missing")], cancellationToken: Ct));
        Assert.False(await client.DeleteAsync(key, cancellationToken: Ct));
        Assert.Equal(0, await client.ExistsAsync([key], cancellationToken: Ct));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Set_conditions_expiry_and_get(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("set");

        Assert.False(await client.SetAsync(key, "x", condition: RedisSetCondition.Exists, cancellationToken: Ct));
        Assert.True(await client.SetAsync(key, "first", condition: RedisSetCondition.NotExists, cancellationToken: Ct));
        Assert.False(await client.SetAsync(key, "second", condition: RedisSetCondition.NotExists, cancellationToken: Ct));
        Assert.Equal("first", (await client.SetAndGetAsync(key, "third", condition: RedisSetCondition.Exists, cancellationToken: Ct)).ToString());
        Assert.True((await client.SetAndGetAsync(RedisTestServer.Key("set"), "new", cancellationToken: Ct)).IsNull);

        Assert.True(await client.SetAsync(key, "expiring", TimeSpan.FromSeconds(100), cancellationToken: Ct));
        Assert.InRange(await client.TtlAsync(key, cancellationToken: Ct), 90, 100);
        Assert.True(await client.SetAsync(key, "expiring", TimeSpan.FromMilliseconds(50_500), cancellationToken: Ct));
        Assert.InRange(await client.TtlAsync(key, cancellationToken: Ct), 40, 51);
        Assert.Equal(-2, await client.TtlAsync(RedisTestServer.Key("missing"), cancellationToken: Ct));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Counters_increment_and_decrement(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("counter");

        Assert.Equal(1, await client.IncrementAsync(key, cancellationToken: Ct));
        Assert.Equal(11, await client.IncrementByAsync(key, 10, cancellationToken: Ct));
        Assert.Equal(-989, await client.IncrementByAsync(key, -1000, cancellationToken: Ct));
        Assert.Equal(-990, await client.DecrementAsync(key, cancellationToken: Ct));
        Assert.Equal(-990, (long)await client.GetAsync(key, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Expire_pexpire_and_ttl(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("expire");

        Assert.False(await client.ExpireAsync(key, TimeSpan.FromSeconds(10), cancellationToken: Ct));
        await client.SetAsync(key, 1, cancellationToken: Ct);
        Assert.Equal(-1, await client.TtlAsync(key, cancellationToken: Ct));
        Assert.True(await client.ExpireAsync(key, TimeSpan.FromSeconds(300), cancellationToken: Ct));
        Assert.InRange(await client.TtlAsync(key, cancellationToken: Ct), 290, 300);
        Assert.True(await client.PExpireAsync(key, TimeSpan.FromMilliseconds(120_000), cancellationToken: Ct));
        Assert.InRange(await client.TtlAsync(key, cancellationToken: Ct), 110, 120);
        Assert.InRange((await client.ExecuteAsync("PTTL", key)).AsInt64(), 110_000, 120_000);
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Hashes_set_get_increment_and_delete(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("hash");

        Assert.True(await client.HashSetAsync(key, "name", "Alice", cancellationToken: Ct));
        Assert.False(await client.HashSetAsync(key, "name", "Alicia", cancellationToken: Ct));
        Assert.Equal(2, await client.HashSetAsync(key, [new("votes", 3), new("party", "Green"), new("name", "Al")], cancellationToken: Ct));
        Assert.Equal("Al", (await client.HashGetAsync(key, "name", cancellationToken: Ct)).ToString());
        Assert.True((await client.HashGetAsync(key, "missing", cancellationToken: Ct)).IsNull);

        var some = await client.HashGetAsync(key, ["party", "missing", "votes"], cancellationToken: Ct);
        Assert.Equal(["Green", null, "3"], some.Select(v => v.ToString()));

        Assert.Equal(8, await client.HashIncrementAsync(key, "votes", 5, cancellationToken: Ct));
        Assert.Equal(1, await client.HashIncrementAsync(key, "new", cancellationToken: Ct));

        var all = await client.HashGetAllAsync(key, cancellationToken: Ct);
        Assert.Equal(4, all.Count);
        Assert.Equal("8", all["votes"].ToString());
        Assert.Empty(await client.HashGetAllAsync(RedisTestServer.Key("missing"), cancellationToken: Ct));

        Assert.Equal(2, await client.HashDeleteAsync(key, ["party", "new", "missing"], cancellationToken: Ct));
        Assert.Equal(2, (await client.HashGetAllAsync(key, cancellationToken: Ct)).Count);
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Eval_and_evalsha_run_scripts(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("script");

        var reply = await client.EvalAsync("redis.call('SET', KEYS[1], ARGV[1]); return {ARGV[1], tonumber(ARGV[2]) * 2, redis.call('GET', KEYS[1])}", [key], ["v", 21], cancellationToken: Ct);
        Assert.Equal("v", reply[0].AsString());
        Assert.Equal(42, reply[1].AsInt64());
        Assert.Equal("v", reply[2].AsString());
        Assert.True((await client.EvalAsync("return nil", cancellationToken: Ct)).IsNull);

        var sha = (await client.ExecuteAsync("SCRIPT", "LOAD", "return KEYS[1]")).AsString()!;
        Assert.Equal(key, (await client.EvalShaAsync(sha, [key], cancellationToken: Ct)).AsString());
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Script_falls_back_to_eval_when_the_server_lacks_it(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("script");

        // A script text of its own, so no other test has cached it: EVALSHA fails, EVAL runs and caches it.
        var script = new RedisScript($"return redis.call('INCRBY', KEYS[1], ARGV[1]) -- {Guid.NewGuid()}");
        await Assert.ThrowsAsync<RedisNoScriptException>(async () => await client.EvalShaAsync(script.Sha1, [key], [1], cancellationToken: Ct));
        Assert.Equal(5, (await client.EvalAsync(script, [key], [5], cancellationToken: Ct)).AsInt64());
        Assert.Equal(1, (await client.ExecuteAsync("SCRIPT", "EXISTS", script.Sha1))[0].AsInt64());
        Assert.Equal(12, (await client.EvalAsync(script, [key], [7], cancellationToken: Ct)).AsInt64());
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Streams_add_range_read_trim_and_count(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("stream");

        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await client.StreamAddAsync(key, [new("n", i), new("text", $"entry {i}")], cancellationToken: Ct));
        }

        Assert.Equal(5, await client.StreamLengthAsync(key, cancellationToken: Ct));
        var all = await client.StreamRangeAsync(key, cancellationToken: Ct);
        Assert.Equal(ids, all.Select(e => e.Id));
        Assert.Equal("entry 3", all[2]["text"].ToString());
        Assert.Equal(["n", "text"], all[0].Fields.Select(f => f.Key));

        var newestTwo = await client.StreamReverseRangeAsync(key, count: 2, cancellationToken: Ct);
        Assert.Equal([ids[4], ids[3]], newestTwo.Select(e => e.Id));
        Assert.Equal([ids[1], ids[2]], (await client.StreamRangeAsync(key, ids[1], ids[2], cancellationToken: Ct)).Select(e => e.Id));

        var read = await client.StreamReadAsync(key, ids[2], cancellationToken: Ct);
        Assert.Equal([ids[3], ids[4]], read.Select(e => e.Id));
        Assert.Single(await client.StreamReadAsync(key, "0", count: 1, cancellationToken: Ct));
        Assert.Empty(await client.StreamReadAsync(key, ids[4], cancellationToken: Ct));

        var second = RedisTestServer.Key("stream");
        await client.StreamAddAsync(second, [new("x", 1)], id: "1-1", cancellationToken: Ct);
        var both = await client.StreamReadAsync([new(key, ids[3]), new(second, "0")], cancellationToken: Ct);
        Assert.Equal([key, second], both.Select(s => s.Key));
        Assert.Equal("1-1", both[1].Entries[0].Id);

        Assert.Equal(3, await client.StreamTrimAsync(key, maxLength: 2, approximate: false, cancellationToken: Ct));
        Assert.Equal(1, await client.StreamTrimAsync(key, minId: ids[4], approximate: false, cancellationToken: Ct));
        Assert.Equal(1, await client.StreamLengthAsync(key, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Stream_add_trims_by_maxlen_and_minid(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("stream");
        for (var i = 1; i <= 10; i++)
        {
            await client.StreamAddAsync(key, [new("n", i)], id: $"{i}-0", maxLength: 3, approximate: false, cancellationToken: Ct);
        }

        Assert.Equal(["8-0", "9-0", "10-0"], (await client.StreamRangeAsync(key, cancellationToken: Ct)).Select(e => e.Id));

        await client.StreamAddAsync(key, [new("n", 11)], id: "11-0", minId: "10-0", approximate: false, cancellationToken: Ct);
        Assert.Equal(["10-0", "11-0"], (await client.StreamRangeAsync(key, cancellationToken: Ct)).Select(e => e.Id));

        // Approximate trimming keeps whole macro nodes: with so few entries nothing goes.
        await client.StreamAddAsync(key, [new("n", 12)], maxLength: 1, cancellationToken: Ct);
        Assert.Equal(3, await client.StreamLengthAsync(key, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Blocking_read_waits_on_its_own_connection_while_others_go_on(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var key = RedisTestServer.Key("stream");

        // After id 0 of a stream that does not exist yet: the read returns the first entry whenever it is added.
        var blocked = client.StreamReadAsync(key, "0", block: TimeSpan.Zero, cancellationToken: Ct).AsTask();

        // The shared connection keeps answering while the read waits; the entry added through it ends the wait.
        for (var i = 0; i < 20; i++)
        {
            await client.PingAsync(cancellationToken: Ct);
        }

        Assert.False(blocked.IsCompleted);
        var id = await client.StreamAddAsync(key, [new("wake", "up")], cancellationToken: Ct);
        var entries = await blocked;
        Assert.Equal(id, Assert.Single(entries).Id);
        Assert.Equal("up", entries[0]["wake"].ToString());
    }

    [Fact]
    public async Task Blocking_read_that_times_out_returns_nothing()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        Assert.Empty(await client.StreamReadAsync(RedisTestServer.Key("stream"), "$", block: TimeSpan.FromMilliseconds(50), cancellationToken: Ct));
    }

    [Fact]
    public async Task Blocking_read_can_be_cancelled()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        using var cancel = new CancellationTokenSource();
        var blocked = client.StreamReadAsync(RedisTestServer.Key("stream"), "$", block: TimeSpan.Zero, cancellationToken: cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.True(await client.PingAsync(cancellationToken: Ct) >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Server_errors_become_typed_exceptions_and_the_connection_goes_on()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        var key = RedisTestServer.Key("hash");
        await client.HashSetAsync(key, "f", 1, cancellationToken: Ct);

        await Assert.ThrowsAsync<RedisWrongTypeException>(async () => await client.IncrementAsync(key, cancellationToken: Ct));
        var unknown = await Assert.ThrowsAsync<RedisServerException>(async () => await client.ExecuteAsync("NOSUCHCOMMAND", 1));
        Assert.Equal("ERR", unknown.Prefix);
        Assert.Contains("unknown command", unknown.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RedisNoScriptException>(async () => await client.EvalShaAsync(new string('0', 40), cancellationToken: Ct));
        var text = RedisTestServer.Key("text");
        await client.SetAsync(text, "abc", cancellationToken: Ct);
        var notInteger = await Assert.ThrowsAsync<RedisServerException>(async () => await client.IncrementAsync(text, cancellationToken: Ct));
        Assert.Equal("ERR", notInteger.Prefix);

        Assert.Equal(2, await client.HashIncrementAsync(key, "f", 1, cancellationToken: Ct));
    }

    [Fact]
    public async Task Execute_runs_any_command()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        var key = RedisTestServer.Key("list");
        Assert.Equal(3, (await client.ExecuteAsync("RPUSH", key, "a", "b", "c")).AsInt64());
        var range = await client.ExecuteAsync("LRANGE", key, 0, -1);
        Assert.Equal(["a", "b", "c"], range.Elements.ToArray().Select(r => r.AsString()));
    }

    [Fact]
    public async Task Resp3_types_arrive_typed()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, RedisProtocol.Resp3);
        var key = RedisTestServer.Key("zset");
        await client.ExecuteAsync("ZADD", key, 1.5, "a");
        var score = await client.ExecuteAsync("ZSCORE", key, "a");
        Assert.Equal(RedisReplyType.Double, score.Type);
        Assert.Equal(1.5, score.AsDouble());

        var members = await client.ExecuteAsync("SMEMBERS", RedisTestServer.Key("missing-set"));
        Assert.Equal(RedisReplyType.Set, members.Type);

        var info = await client.ExecuteAsync("HELLO");
        Assert.Equal(RedisReplyType.Map, info.Type);
        Assert.Equal(RedisReplyType.VerbatimString, (await client.ExecuteAsync("INFO", "server")).Type);
    }

    [Fact]
    public async Task Flush_database_empties_only_its_database()
    {
        await using var mine = await RedisTestServer.ConnectAsync(8);
        await using var other = await RedisTestServer.ConnectAsync(9);
        var key = RedisTestServer.Key("flush");
        await mine.SetAsync(key, 1, cancellationToken: Ct);
        await other.SetAsync(key, 2, cancellationToken: Ct);

        await mine.FlushDatabaseAsync(cancellationToken: Ct);

        Assert.True((await mine.GetAsync(key, cancellationToken: Ct)).IsNull);
        Assert.Equal(2, (long)await other.GetAsync(key, cancellationToken: Ct));
    }

    [Fact]
    public async Task Default_database_is_selected_and_the_client_named()
    {
        var options = RedisTestServer.Options(6, extra: ",name=voting-test");
        await using var six = await RedisClient.ConnectAsync(options, cancellationToken: Ct);
        await using var seven = await RedisTestServer.ConnectAsync(7);
        var key = RedisTestServer.Key("select");
        await six.SetAsync(key, "in six", cancellationToken: Ct);

        Assert.True((await seven.GetAsync(key, cancellationToken: Ct)).IsNull);
        Assert.Equal("in six", (await six.GetAsync(key, cancellationToken: Ct)).ToString());
        Assert.Contains("db=6", (await six.ExecuteAsync("CLIENT", "INFO")).AsString(), StringComparison.Ordinal);
        Assert.Equal("voting-test", (await six.ExecuteAsync("CLIENT", "GETNAME")).AsString());
    }
}
