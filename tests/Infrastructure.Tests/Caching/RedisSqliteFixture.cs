using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Redis;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Caching;

/// <summary>A fresh SQLite database with Redis configured (the shared redis-server, a key prefix of its own).</summary>
public sealed class RedisSqliteFixture : DatabaseFixture
{
    private readonly SqliteFixture _sqlite = new();

    public string KeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Redis:Configuration", $"{RedisTestServer.Address},defaultDatabase={RedisElectionCacheTests.Database}"),
        new("Redis:KeyPrefix", KeyPrefix),
    ];

    public override Task<string> CreateDatabaseAsync() => _sqlite.CreateDatabaseAsync();

    public override Task DropDatabaseAsync(string connectionString) => _sqlite.DropDatabaseAsync(connectionString);
}
