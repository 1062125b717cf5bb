using Voting.Application.Chat.Presence;
using Voting.Infrastructure.Chat;
using Voting.Infrastructure.Realtime;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Redis;

namespace Voting.Infrastructure.Tests.Chat;

/// <summary>The presence store on the real redis-server (VOTING_TEST_REDIS): database 10, each test under its own key prefix.</summary>
public sealed class RedisPresenceStoreTests : PresenceStoreTests, IAsyncLifetime
{
    private RedisClient _redis = null!;
    private IPresenceStore _store = null!;

    protected override IPresenceStore Store => _store;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisTestServer.ConnectAsync(database: 10);
        _store = new RedisPresenceStore(_redis, new RedisTopicLogOptions { KeyPrefix = $"test:{Guid.NewGuid():N}:" });
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();
}
