using Microsoft.Extensions.Options;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.RateLimiting;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Redis;

namespace Voting.Infrastructure.Tests.RateLimiting;

/// <summary>The shared sliding-window limiter against the shared redis-server; two limiters stand for two instances.</summary>
public sealed class RedisRateLimiterTests : IAsyncLifetime
{
    internal const int Database = 11;

    private static readonly DateTimeOffset Start = new(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private RedisClient _redisA = null!;
    private RedisClient _redisB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redisA = await RedisTestServer.ConnectAsync(Database);
        _redisB = await RedisTestServer.ConnectAsync(Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _redisA.DisposeAsync();
        await _redisB.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_share_one_budget()
    {
        var a = Limiter(_redisA);
        var b = Limiter(_redisB);
        RateLimitRule[] rule = [new("user", 3, TimeSpan.FromSeconds(10))];

        Assert.Null(await a.TryAcquireAsync(rule, Start, Ct));
        Assert.Null(await b.TryAcquireAsync(rule, Start.AddSeconds(1), Ct));
        Assert.Null(await a.TryAcquireAsync(rule, Start.AddSeconds(2), Ct));

        Assert.NotNull(await b.TryAcquireAsync(rule, Start.AddSeconds(3), Ct));
        Assert.NotNull(await a.TryAcquireAsync(rule, Start.AddSeconds(3), Ct));
    }

    [Fact]
    public async Task Retry_after_is_when_the_oldest_acquisition_leaves_the_window()
    {
        var limiter = Limiter(_redisA);
        RateLimitRule[] rule = [new("user", 2, TimeSpan.FromSeconds(10))];
        await limiter.TryAcquireAsync(rule, Start, Ct);
        await limiter.TryAcquireAsync(rule, Start.AddSeconds(4), Ct);

        Assert.Equal(TimeSpan.FromMilliseconds(3500), await limiter.TryAcquireAsync(rule, Start.AddMilliseconds(6500), Ct));

        // Sliding, not fixed: at 10 s the first has left the window (one free), the second has not.
        Assert.Null(await limiter.TryAcquireAsync(rule, Start.AddSeconds(10), Ct));
        Assert.Equal(TimeSpan.FromSeconds(4), await limiter.TryAcquireAsync(rule, Start.AddSeconds(10), Ct));
    }

    [Fact]
    public async Task Refused_attempts_do_not_count()
    {
        var limiter = Limiter(_redisA);
        RateLimitRule[] rule = [new("user", 1, TimeSpan.FromSeconds(10))];
        await limiter.TryAcquireAsync(rule, Start, Ct);
        for (var i = 1; i <= 5; i++)
        {
            Assert.NotNull(await limiter.TryAcquireAsync(rule, Start.AddSeconds(i), Ct));
        }

        Assert.Null(await limiter.TryAcquireAsync(rule, Start.AddSeconds(10), Ct));
    }

    [Fact]
    public async Task Several_rules_are_taken_together_or_not_at_all_and_the_wait_is_the_longest()
    {
        var limiter = Limiter(_redisA);
        var address = new RateLimitRule("address", 3, TimeSpan.FromSeconds(60));
        var citizen = new RateLimitRule("citizen", 1, TimeSpan.FromSeconds(30));
        var other = new RateLimitRule("other", 1, TimeSpan.FromSeconds(30));

        Assert.Null(await limiter.TryAcquireAsync([address, citizen], Start, Ct));
        Assert.Equal(TimeSpan.FromSeconds(25), await limiter.TryAcquireAsync([address, citizen], Start.AddSeconds(5), Ct));

        // The refusal took nothing from the address: two more fit.
        Assert.Null(await limiter.TryAcquireAsync([address, other], Start.AddSeconds(6), Ct));
        Assert.Null(await limiter.TryAcquireAsync([address], Start.AddSeconds(7), Ct));
        Assert.Equal(TimeSpan.FromSeconds(53), await limiter.TryAcquireAsync([address, new RateLimitRule("fresh", 1, TimeSpan.FromSeconds(30))], Start.AddSeconds(7), Ct));
    }

    [Fact]
    public async Task Keys_expire_one_window_after_the_last_acquisition()
    {
        var limiter = Limiter(_redisA);
        RateLimitRule[] rule = [new("user", 5, TimeSpan.FromSeconds(10))];
        await limiter.TryAcquireAsync(rule, Start, Ct);

        var ttl = (await _redisA.ExecuteAsync("PTTL", limiter.RedisKey("user"))).AsInt64();
        Assert.InRange(ttl, 1, 10_000);
    }

    [Fact]
    public async Task Concurrent_acquisitions_from_two_instances_never_exceed_the_limit()
    {
        var a = Limiter(_redisA);
        var b = Limiter(_redisB);
        RateLimitRule[] rule = [new("burst", 10, TimeSpan.FromMinutes(1))];

        var attempts = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? a : b).TryAcquireAsync(rule, Start, Ct).AsTask());
        var results = await Task.WhenAll(attempts);

        Assert.Equal(10, results.Count(r => r is null));
    }

    private RedisRateLimiter Limiter(RedisClient redis) => new(redis, Options.Create(new RedisKeyOptions { KeyPrefix = _prefix }));
}
