using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Realtime;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Redis;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Realtime;

/// <summary>
/// The Redis live tally against PostgreSQL's ballots and a redis-server of the test's own: votes delivered
/// twice and out of order count once, and a Redis that forgot (FLUSHALL, a restart) is rebuilt to the
/// database's count.
/// </summary>
public sealed class StoredTallyCountsTests(PostgresFixture fixture) : DatabaseTests(fixture), IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private PrivateRedisServer _server = null!;
    private RedisClient _redis = null!;
    private RedisLiveTallyStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _server = await PrivateRedisServer.StartAsync();
        _redis = await RedisClient.ConnectAsync(_server.Options(), cancellationToken: Ct);
        _store = new RedisLiveTallyStore(_redis, new RedisTopicLogOptions { KeyPrefix = "live:" });
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _server.DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task Votes_delivered_twice_and_out_of_order_are_counted_once()
    {
        var (election, votes) = await ElectionWithVotesAsync(12);
        var deliveries = votes.Concat(votes.Take(5)).Concat(votes.Skip(7)).ToArray();
        Random.Shared.Shuffle(deliveries);

        foreach (var vote in deliveries)
        {
            await InScopeAsync(counts => counts.ApplyAsync(VotesCast.Of(vote), Ct));
        }

        Assert.Equal(await DatabaseCountAsync(election), Summary(await _store.ReadAsync(election, Ct)));
    }

    [Fact]
    public async Task Batches_delivered_again_or_partly_counted_already_count_each_vote_once()
    {
        var (election, votes) = await ElectionWithVotesAsync(12);
        Assert.True(await _store.ReplaceAsync(election, CountOf(votes.Take(5)), Ct));
        VotesCast[] batches = [VotesCast.Combine(votes.Take(4).ToList()), VotesCast.Combine(votes.Skip(4).Take(3).ToList()), VotesCast.Combine(votes.Skip(7).ToList())];

        // The first batch is already counted, the second half (ballot 5 is), the third not; then each comes again.
        foreach (var batch in batches.Concat(batches.Reverse()))
        {
            await InScopeAsync(counts => counts.ApplyAsync(batch, Ct));
        }

        Assert.Equal(await DatabaseCountAsync(election), Summary(await _store.ReadAsync(election, Ct)));
    }

    [Fact]
    public async Task A_batch_after_a_gap_rebuilds_the_tally_from_the_database()
    {
        var (election, votes) = await ElectionWithVotesAsync(10);
        Assert.True(await _store.ReplaceAsync(election, CountOf(votes.Take(3)), Ct));

        await InScopeAsync(counts => counts.ApplyAsync(VotesCast.Combine(votes.Skip(6).ToList()), Ct));

        Assert.Equal(await DatabaseCountAsync(election), Summary(await _store.ReadAsync(election, Ct)));
        Assert.Equal(LiveTallyApplyResult.Duplicate, await _store.ApplyAsync(election, 4, [.. votes.Skip(3).Select(v => v.CandidateId)], Ct));
    }

    private static BallotCounts CountOf(IEnumerable<VoteCast> votes)
    {
        var list = votes.ToList();
        return new BallotCounts(list.GroupBy(v => v.CandidateId).ToDictionary(g => g.Key, g => (long)g.Count()), list[^1].Sequence);
    }

    [Fact]
    public async Task Two_dispatchers_applying_and_rebuilding_at_once_end_at_the_database_count()
    {
        var (election, votes) = await ElectionWithVotesAsync(30);

        // Two dispatchers each claiming every other vote, so each meets the other's gaps, and a rebuild racing them.
        var first = Task.Run(() => ApplyEachAsync(votes.Where((_, i) => i % 2 == 0)), Ct);
        var second = Task.Run(() => ApplyEachAsync(votes.Where((_, i) => i % 2 == 1).Reverse()), Ct);
        var rebuild = Task.Run(() => InScopeAsync(counts => counts.RebuildAsync(election, Ct)), Ct);
        await Task.WhenAll(first, second, rebuild);

        Assert.Equal(await DatabaseCountAsync(election), Summary(await _store.ReadAsync(election, Ct)));
        Assert.Equal(LiveTallyApplyResult.Duplicate, await _store.ApplyAsync(election, votes[0].Sequence, [votes[0].CandidateId], Ct));
    }

    private async Task ApplyEachAsync(IEnumerable<VoteCast> votes)
    {
        foreach (var vote in votes)
        {
            await InScopeAsync(counts => counts.ApplyAsync(VotesCast.Of(vote), Ct));
        }
    }

    [Fact]
    public async Task A_count_includes_the_ballots_committed_after_the_stored_version_and_stores_them()
    {
        var (election, votes) = await ElectionWithVotesAsync(9);

        // The tally as the first four votes left it, before the outbox delivered the others.
        var firstFour = votes.Take(4).GroupBy(v => v.CandidateId).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.True(await _store.ReplaceAsync(election, new BallotCounts(firstFour, 4), Ct));

        var read = await InScopeAsync(counts => counts.CountAsync(election, Ct));

        var expected = await DatabaseCountAsync(election);
        Assert.Equal(expected, Summary(read));
        Assert.Equal(expected, Summary(await _store.ReadAsync(election, Ct)));
        Assert.Equal(LiveTallyApplyResult.Duplicate, await _store.ApplyAsync(election, votes[8].Sequence, [votes[8].CandidateId], Ct));
    }

    [Fact]
    public async Task After_a_flushall_the_next_read_rebuilds_the_tally_to_the_database_count()
    {
        var (election, votes) = await ElectionWithVotesAsync(8);
        foreach (var vote in votes)
        {
            await InScopeAsync(counts => counts.ApplyAsync(VotesCast.Of(vote), Ct));
        }

        await _redis.FlushDatabaseAsync(Ct);
        Assert.Null(await _store.ReadAsync(election, Ct));

        var read = await InScopeAsync(counts => counts.CountAsync(election, Ct));

        var expected = await DatabaseCountAsync(election);
        Assert.Equal(expected, Summary(read));
        Assert.Equal(expected, Summary(await _store.ReadAsync(election, Ct)));
    }

    [Fact]
    public async Task After_a_restart_the_next_vote_rebuilds_the_tally_so_votes_counted_before_are_not_lost()
    {
        var (election, votes) = await ElectionWithVotesAsync(10);
        foreach (var vote in votes.Take(6))
        {
            await InScopeAsync(counts => counts.ApplyAsync(VotesCast.Of(vote), Ct));
        }

        await _server.KillAsync();
        await _server.StartAsync();

        // The first command after the restart may meet the dropped connection; the outbox would retry it.
        await ApplyUntilDoneAsync(votes[6]);
        foreach (var vote in votes.Skip(7))
        {
            await InScopeAsync(counts => counts.ApplyAsync(VotesCast.Of(vote), Ct));
        }

        Assert.Equal(await DatabaseCountAsync(election), Summary(await _store.ReadAsync(election, Ct)));
    }

    private async Task ApplyUntilDoneAsync(VoteCast vote)
    {
        while (true)
        {
            try
            {
                await InScopeAsync(counts => counts.ApplyAsync(VotesCast.Of(vote), Ct));
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50, Ct);
            }
        }
    }

    private async Task<(ElectionId Election, IReadOnlyList<VoteCast> Votes)> ElectionWithVotesAsync(int count)
    {
        var voters = await Scenario.SeedVotersAsync(count);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        for (var i = 0; i < count; i++)
        {
            await Scenario.CastAsync(voters[i], election, candidates[i % 3 == 0 ? 0 : i % 3]);
        }

        var votes = await Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().Ballots.AsNoTracking()
            .Where(b => b.ElectionId == election)
            .OrderBy(b => b.Sequence)
            .Select(b => new { b.CandidateId, b.Sequence })
            .ToListAsync(Ct));
        return (election, votes.Select(v => new VoteCast(election, v.CandidateId, v.Sequence, DateTimeOffset.UnixEpoch)).ToList());
    }

    private Task<(long Version, string Counts)> DatabaseCountAsync(ElectionId election) =>
        Fixture.InScopeAsync(async s => Summary(await s.GetRequiredService<IElectionQueries>().CountBallotsAsync(election, Ct)));

    private Task InScopeAsync(Func<StoredTallyCounts, Task> call) =>
        Fixture.InScopeAsync(async s =>
        {
            await call(new StoredTallyCounts(_store, s.GetRequiredService<IElectionQueries>()));
            return 0;
        });

    private Task<T> InScopeAsync<T>(Func<StoredTallyCounts, Task<T>> call) =>
        Fixture.InScopeAsync(s => call(new StoredTallyCounts(_store, s.GetRequiredService<IElectionQueries>())));

    private static (long Version, string Counts) Summary(BallotCounts? counts)
    {
        Assert.NotNull(counts);
        return (counts.LastSequence, string.Join(",", counts.PerCandidate.Where(c => c.Value > 0).OrderBy(c => c.Key.Value).Select(c => $"{c.Key.Value:N}={c.Value}")));
    }
}
