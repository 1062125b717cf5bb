using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Live;

/// <summary>
/// Two API instances sharing one PostgreSQL database and ./test.sh's redis-server (VOTING_TEST_REDIS), under a
/// Redis key prefix of their own, as two instances behind a load balancer.
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

    public static async Task<LiveHostPair> StartAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Redis:Configuration"] = TestRedis.Address,
            ["Redis:KeyPrefix"] = TestRedis.NewKeyPrefix(),
        };

        // One after the other: the first migrates and seeds, the second finds it done.
        var a = new LiveHost(scheduler: false, settings);
        _ = a.Services;
        var b = new LiveHost(scheduler: false, settings);
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
