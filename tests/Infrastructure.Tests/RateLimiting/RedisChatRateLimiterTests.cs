using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Users;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.Chat;
using Voting.Infrastructure.RateLimiting;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Redis;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.RateLimiting;

/// <summary>The chat send limit in Redis: shared by instances, and this instance's own while Redis cannot answer.</summary>
public sealed class RedisChatRateLimiterTests : IAsyncLifetime
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private readonly TestClock _clock = new();
    private readonly IOptions<ChatRateLimitOptions> _options = Options.Create(new ChatRateLimitOptions { Messages = 2, Window = TimeSpan.FromSeconds(5) });
    private RedisClient _redisA = null!;
    private RedisClient _redisB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redisA = await RedisTestServer.ConnectAsync(RedisRateLimiterTests.Database);
        _redisB = await RedisTestServer.ConnectAsync(RedisRateLimiterTests.Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _redisA.DisposeAsync();
        await _redisB.DisposeAsync();
    }

    [Fact]
    public async Task A_user_sending_through_two_instances_has_one_allowance_per_room()
    {
        var a = Limiter(_redisA);
        var b = Limiter(_redisB);
        var user = UserId.New();
        var room = RoomId.New();

        Assert.Null(await a.TryAcquireAsync(user, room, Ct));
        _clock.UtcNow = _clock.UtcNow.AddSeconds(1);
        Assert.Null(await b.TryAcquireAsync(user, room, Ct));
        _clock.UtcNow = _clock.UtcNow.AddSeconds(1);

        Assert.Equal(TimeSpan.FromSeconds(3), await a.TryAcquireAsync(user, room, Ct));
        Assert.Null(await b.TryAcquireAsync(user, RoomId.New(), Ct));
        Assert.Null(await b.TryAcquireAsync(UserId.New(), room, Ct));
    }

    [Fact]
    public async Task While_Redis_cannot_answer_the_instance_limits_its_own_sends()
    {
        await using var down = new RedisClient(RedisTestServer.Options(RedisRateLimiterTests.Database));
        var limiter = Limiter(down);
        var user = UserId.New();
        var room = RoomId.New();

        Assert.Null(await limiter.TryAcquireAsync(user, room, Ct));
        Assert.Null(await limiter.TryAcquireAsync(user, room, Ct));
        Assert.Equal(_options.Value.Window, await limiter.TryAcquireAsync(user, room, Ct));
    }

    private RedisChatRateLimiter Limiter(RedisClient redis) => new(
        new RedisRateLimiter(redis, Options.Create(new RedisKeyOptions { KeyPrefix = _prefix })),
        new InMemoryChatRateLimiter(_options, _clock),
        _options,
        _clock,
        NullLogger<RedisChatRateLimiter>.Instance);
}
