using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Tests.Redis;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Live;

/// <summary>
/// Issue 7: Redis restarted (killed, then started empty) while votes are being cast against PostgreSQL.
/// No acknowledged vote is lost or doubled, the Redis tally comes back to the database's count, and a
/// tallyUpdated subscriber receives updates again on the subscription it already had.
/// </summary>
public sealed class TallyRedisRestartTests : IAsyncLifetime
{
    private const int Voters = 600;
    private const string TallyQuery = "subscription($id: ID!) { tallyUpdated(electionId: $id) { total version candidates { votes } } }";

    // A bound on waiting for what must happen, so a broken build fails instead of hanging; not a speed target.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private PostgresTestDatabase _database = null!;
    private PrivateRedisServer _redis = null!;
    private LiveHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _redis = await PrivateRedisServer.StartAsync();
        _host = new LiveHost(scheduler: false, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Redis:Configuration"] = $"127.0.0.1:{_redis.Port},connectTimeout=2000,syncTimeout=5000,reconnectMinDelay=50,reconnectMaxDelay=500",
            ["Redis:KeyPrefix"] = $"test:{Guid.NewGuid():N}:",
            ["Outbox:MaxBackoff"] = "00:00:01",
        });
        _ = _host.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Redis_restarted_during_voting_loses_and_doubles_no_vote_and_the_tally_and_its_subscriber_recover()
    {
        var (election, candidates) = await _host.DemoElectionAsync();
        var voters = await _host.SeedVotersAsync(Voters);
        var before = await DatabaseCountAsync(election);
        await using var watcher = await _host.ConnectAsync();
        await watcher.SubscribeAsync("t", TallyQuery, new { id = election.Value });
        Assert.Equal(before.Total, Tally(await watcher.NextAsync("t").WaitAsync(Patience, TestContext.Current.CancellationToken)).GetProperty("total").GetInt64());

        var queue = new ConcurrentQueue<UserId>(voters);
        var cast = new ConcurrentDictionary<CandidateId, long>();
        var acknowledged = 0L;
        async Task VoteAsync()
        {
            while (queue.TryDequeue(out var voter))
            {
                var candidate = candidates[Random.Shared.Next(candidates.Count)];
                await _host.VoteAsync(voter, election, candidate);
                cast.AddOrUpdate(candidate, 1, (_, n) => n + 1);
                Interlocked.Increment(ref acknowledged);
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var load = Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(VoteAsync, TestContext.Current.CancellationToken)));
        await WhileVotingUntilAsync(load, () => Interlocked.Read(ref acknowledged) >= Voters / 3);
        await _redis.KillAsync();
        Log($"Redis killed after {clock.Elapsed} ({Interlocked.Read(ref acknowledged)} votes)");
        await WhileVotingUntilAsync(load, () => Interlocked.Read(ref acknowledged) >= 2 * Voters / 3);
        await _redis.StartAsync();
        Log($"Redis restarted after {clock.Elapsed} ({Interlocked.Read(ref acknowledged)} votes)");
        await load.WaitAsync(Patience, TestContext.Current.CancellationToken);

        // Every acknowledged vote is in the database once: the count, gapless sequences, and each choice.
        var after = await DatabaseCountAsync(election);
        Assert.Equal(Voters, Interlocked.Read(ref acknowledged));
        Assert.Equal(before.Total + Voters, after.Total);
        Assert.Equal(after.Total, after.LastSequence);
        foreach (var candidate in candidates)
        {
            Assert.Equal(before.PerCandidate.GetValueOrDefault(candidate) + cast.GetValueOrDefault(candidate), after.PerCandidate.GetValueOrDefault(candidate));
        }

        Log($"Votes done after {clock.Elapsed}");

        // The Redis tally comes back to the database's count.
        var store = _host.Services.GetRequiredService<ILiveTallyStore>();
        await WaitForAsync(async () => await store.ReadAsync(election, CancellationToken.None) is { } stored
            && stored.LastSequence == after.LastSequence
            && candidates.All(c => stored.PerCandidate.GetValueOrDefault(c) == after.PerCandidate.GetValueOrDefault(c)));

        Log($"Redis tally equal to the database's after {clock.Elapsed}");

        // The subscriber, never resubscribed, receives snapshots up to the final count, its versions never going back.
        var versions = new List<long>();
        JsonElement latest;
        do
        {
            latest = Tally(await watcher.NextAsync("t").WaitAsync(Patience, TestContext.Current.CancellationToken));
            versions.Add(latest.GetProperty("version").GetInt64());
        }
        while (latest.GetProperty("total").GetInt64() < after.Total);

        Log($"Subscriber at the final count after {clock.Elapsed}, {versions.Count} snapshots");
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(after.LastSequence, versions[^1]);
        Assert.Equal(after.Total, latest.GetProperty("total").GetInt64());
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static JsonElement Tally(JsonElement next) => next.GetProperty("data").GetProperty("tallyUpdated");

    /// <summary>Waits until <paramref name="reached"/>, failing if the load ended (or failed) first.</summary>
    private static async Task WhileVotingUntilAsync(Task load, Func<bool> reached)
    {
        while (!reached())
        {
            Assert.False(load.IsCompleted, "The votes ended before the point to restart Redis at.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Voting.Infrastructure.Redis.RedisException)
            {
                // Still reconnecting.
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The Redis tally did not come back to the database's count.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private async Task<BallotCounts> DatabaseCountAsync(ElectionId election)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IElectionQueries>().CountBallotsAsync(election, CancellationToken.None);
    }
}
