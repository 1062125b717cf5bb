using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Tests.Redis;

public sealed class RedisPipeliningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const int Database = 2;

    [Theory]
    [InlineData(RedisProtocol.Resp2)]
    [InlineData(RedisProtocol.Resp3)]
    public async Task Hundred_concurrent_callers_each_get_their_own_replies(RedisProtocol protocol)
    {
        await using var client = await RedisTestServer.ConnectAsync(Database, protocol);
        var prefix = RedisTestServer.Key("pipeline");
        const int Callers = 100;
        const int Rounds = 50;
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(1, Callers).Select(caller => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            var counter = $"{prefix}:counter:{caller}";
            var text = $"{prefix}:text:{caller}";

            // A payload of the caller's own, long enough (for some callers) to span socket reads.
            var payload = $"{caller}:" + new string((char)('a' + (caller % 26)), caller * 97);
            for (var round = 1; round <= Rounds; round++)
            {
                // Several commands in flight per caller at once, interleaved with everyone else's.
                var increment = client.IncrementByAsync(counter, caller).AsTask();
                var set = client.SetAsync(text, $"{payload}:{round}").AsTask();
                var get = client.GetAsync(text).AsTask();
                var hash = client.HashIncrementAsync($"{prefix}:hash", $"caller{caller}", 1).AsTask();

                Assert.Equal(caller * (long)round, await increment);
                Assert.True(await set);
                Assert.Equal($"{payload}:{round}", (await get).ToString());
                Assert.Equal(round, await hash);
            }
        })).ToArray();

        start.Set();
        await Task.WhenAll(callers);

        var totals = await client.HashGetAllAsync($"{prefix}:hash", cancellationToken: Ct);
        Assert.Equal(Callers, totals.Count);
        Assert.All(totals.Values, total => Assert.Equal(Rounds, (long)total));
    }

    [Fact]
    public async Task Thousands_of_commands_without_awaiting_complete_in_order()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        var key = RedisTestServer.Key("burst");
        var pending = new ValueTask<long>[10_000];
        for (var i = 0; i < pending.Length; i++)
        {
            pending[i] = client.IncrementAsync(key, cancellationToken: Ct);
        }

        for (var i = 0; i < pending.Length; i++)
        {
            Assert.Equal(i + 1, await pending[i]);
        }
    }

    [Fact]
    public async Task Large_values_round_trip_intact()
    {
        await using var client = await RedisTestServer.ConnectAsync(Database);
        var key = RedisTestServer.Key("large");
        var value = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(value);

        Assert.True(await client.SetAsync(key, value, cancellationToken: Ct));
        var pings = Enumerable.Range(0, 10).Select(_ => client.PingAsync().AsTask()).ToArray();
        Assert.Equal(value, (await client.GetAsync(key, cancellationToken: Ct)).ToArray());
        await Task.WhenAll(pings);
    }
}
