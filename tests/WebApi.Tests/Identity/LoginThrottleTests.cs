using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Errors;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.RateLimiting;
using Voting.Infrastructure.Redis;
using Voting.WebApi.Identity;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.Identity;

/// <summary>The login throttle with its counts in the shared redis-server, and on its own while Redis cannot answer.</summary>
public sealed class LoginThrottleTests
{
    private const string CitizenId = "1100000000008";
    private readonly string _prefix = TestRedis.NewKeyPrefix();
    private readonly IOptions<LoginThrottleOptions> _options = Options.Create(new LoginThrottleOptions { PerCitizenId = 2, PerAddress = 3, Window = TimeSpan.FromMinutes(1) });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_share_the_per_citizen_and_per_address_limits()
    {
        await using var redisA = await RedisClient.ConnectAsync(RedisOptions.Parse(TestRedis.Configuration), cancellationToken: Ct);
        await using var redisB = await RedisClient.ConnectAsync(RedisOptions.Parse(TestRedis.Configuration), cancellationToken: Ct);
        using var a = Throttle(redisA);
        using var b = Throttle(redisB);

        await a.AttemptAsync(CitizenId, "10.0.0.1", Ct);
        await b.AttemptAsync("110-0000-000008", "10.0.0.2", Ct);
        var byCitizen = await Assert.ThrowsAsync<GraphQLException>(() => a.AttemptAsync(CitizenId, "10.0.0.3", Ct).AsTask());

        await b.AttemptAsync("1100000000016", "10.0.0.1", Ct);
        await a.AttemptAsync("1100000000024", "10.0.0.1", Ct);
        var byAddress = await Assert.ThrowsAsync<GraphQLException>(() => b.AttemptAsync("1100000000032", "10.0.0.1", Ct).AsTask());

        foreach (var refused in new[] { byCitizen, byAddress })
        {
            Assert.Equal("RATE_LIMITED", refused.Code);
            Assert.InRange((int)refused.Extensions!["retryAfter"]!, 1, 60);
        }
    }

    [Fact]
    public async Task While_Redis_cannot_answer_the_instance_limits_its_own_attempts()
    {
        await using var down = new RedisClient(RedisOptions.Parse(TestRedis.Configuration));
        using var throttle = Throttle(down);

        await throttle.AttemptAsync(CitizenId, "10.0.0.1", Ct);
        await throttle.AttemptAsync(CitizenId, "10.0.0.1", Ct);

        var refused = await Assert.ThrowsAsync<GraphQLException>(() => throttle.AttemptAsync(CitizenId, "10.0.0.1", Ct).AsTask());
        Assert.Equal("RATE_LIMITED", refused.Code);
    }

    private LoginThrottle Throttle(RedisClient redis) => new(
        _options,
        TimeProvider.System,
        NullLogger<LoginThrottle>.Instance,
        new RedisRateLimiter(redis, Options.Create(new RedisKeyOptions { KeyPrefix = _prefix })));
}
