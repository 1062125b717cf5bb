using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.Redis;
using Voting.WebApi.GraphQL;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL;

/// <summary>Persisted queries in the shared redis-server; two stores stand for two instances.</summary>
public sealed class RedisPersistedQueryStoreTests : IAsyncLifetime
{
    private const string Query = "{ __typename }";
    private readonly string _prefix = TestRedis.NewKeyPrefix();
    private RedisClient _redisA = null!;
    private RedisClient _redisB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Hash => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Query)));

    public async ValueTask InitializeAsync()
    {
        _redisA = await RedisClient.ConnectAsync(RedisOptions.Parse(TestRedis.Configuration), cancellationToken: Ct);
        _redisB = await RedisClient.ConnectAsync(RedisOptions.Parse(TestRedis.Configuration), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _redisA.DisposeAsync();
        await _redisB.DisposeAsync();
    }

    [Fact]
    public async Task A_query_saved_by_one_instance_is_found_by_another()
    {
        var a = Store(_redisA, TimeSpan.FromHours(1));
        var b = Store(_redisB, TimeSpan.FromHours(1));
        Assert.Null(await b.TryGetAsync(Hash, Ct));

        await a.SaveAsync(Hash, Query, Ct);

        Assert.Equal(Query, await b.TryGetAsync(Hash, Ct));
        Assert.Equal(Query, (await _redisA.GetAsync($"{_prefix}pq:{Hash}", Ct)).ToString());
    }

    [Fact]
    public async Task Saved_queries_expire_after_the_time_to_live_and_zero_keeps_them()
    {
        var expiring = Store(_redisA, TimeSpan.FromMinutes(10));
        await expiring.SaveAsync(Hash, Query, Ct);
        Assert.InRange((await _redisA.ExecuteAsync("PTTL", expiring.Key(Hash))).AsInt64(), 1, 600_000);

        var keeping = Store(_redisA, TimeSpan.Zero);
        await keeping.SaveAsync(Hash, Query, Ct);
        Assert.Equal(-1, (await _redisA.ExecuteAsync("PTTL", keeping.Key(Hash))).AsInt64());
    }

    [Fact]
    public async Task While_Redis_cannot_answer_a_query_is_not_found_and_saving_does_not_fail()
    {
        await using var down = new RedisClient(RedisOptions.Parse(TestRedis.Configuration));
        var store = Store(down, TimeSpan.FromHours(1));

        await store.SaveAsync(Hash, Query, Ct);

        Assert.Null(await store.TryGetAsync(Hash, Ct));
    }

    private RedisPersistedQueryStore Store(RedisClient redis, TimeSpan timeToLive) => new(
        redis,
        Options.Create(new RedisKeyOptions { KeyPrefix = _prefix }),
        Options.Create(new RedisPersistedQueryOptions { TimeToLive = timeToLive }),
        NullLogger<RedisPersistedQueryStore>.Instance);
}
