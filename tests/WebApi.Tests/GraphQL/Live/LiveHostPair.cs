using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Live;

/// <summary>
/// Two API instances sharing one PostgreSQL database and a redis-server (./test.sh's, VOTING_TEST_REDIS, unless the
/// test brings its own), under a Redis key prefix of their own, as two instances behind a load balancer.
/// </summary>
internal sealed class LiveHostPair : IAsyncDisposable
{
    private readonly PostgresTestDatabase _database;

    private LiveHostPair(PostgresTestDatabase database, LiveHost a, LiveHost b)
    {
        _database = database;
        A = a;
        B = b;
    }

    public LiveHost A { get; }

    public LiveHost B { get; }

    /// <param name="redisConfiguration">
    /// <c>Redis:Configuration</c>: ./test.sh's redis-server unless given, e.g. a server of the test's own that it kills.
    /// </param>
    /// <param name="settings">Further settings for both instances.</param>
    public static async Task<LiveHostPair> StartAsync(string? redisConfiguration = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var shared = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Redis:Configuration"] = redisConfiguration ?? TestRedis.Address,
            ["Redis:KeyPrefix"] = TestRedis.NewKeyPrefix(),
        };

        // One after the other: the first migrates and seeds, the second finds it done.
        var a = new LiveHost(scheduler: false, shared);
        _ = a.Services;
        var b = new LiveHost(scheduler: false, shared);
        _ = b.Services;
        return new LiveHostPair(database, a, b);
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _database.DisposeAsync();
    }
}
