using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Elections.Events;
using Voting.Infrastructure.Outbox;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Outbox;

/// <summary>
/// Votes reach the live tally through the outbox: the VoteCast row written with the ballot is
/// delivered to the tally handler, which publishes a counted snapshot; a failure or a crash before
/// the snapshot went out leaves the row to be delivered again, and a redelivery never goes backwards.
/// </summary>
public abstract class LiveTallyOutboxTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    [Fact]
    public async Task Committed_votes_are_published_as_one_counted_snapshot()
    {
        var (election, candidates) = await OpenElectionWithVotesAsync(candidate => candidate < 3 ? 0 : 1, 5);
        var publisher = new RecordingPublisher();
        await using var services = BuildServices(publisher);

        await DispatchAllAsync(services);

        var snapshot = Assert.Single(publisher.Snapshots);
        Assert.Equal((election, 5L, 5L), (snapshot.ElectionId, snapshot.Total, snapshot.Version));
        Assert.Equal([3L, 2L, 0L], snapshot.Candidates.Select(c => c.Votes));
        Assert.Equal(candidates, snapshot.Candidates.Select(c => c.CandidateId));
        Assert.Equal(0, await CountUnprocessedAsync());
    }

    [Fact]
    public async Task A_snapshot_that_failed_to_go_out_is_published_when_the_outbox_retries_the_vote()
    {
        await OpenElectionWithVotesAsync(_ => 0, 1);
        var publisher = new RecordingPublisher { FailuresLeft = 1 };
        await using var services = BuildServices(publisher);
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services);

        await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken);
        Assert.Empty(publisher.Snapshots);
        Assert.Equal(1, await CountUnprocessedAsync());

        var retryAt = await Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().OutboxMessages.Where(m => m.ProcessedAt == null).Select(m => m.LockedUntil).SingleAsync());
        Fixture.Clock.UtcNow = retryAt!.Value.AddSeconds(1);
        await DispatchAllAsync(services);

        Assert.Equal(1, Assert.Single(publisher.Snapshots).Version);
        Assert.Equal(0, await CountUnprocessedAsync());
    }

    [Fact]
    public async Task Votes_delivered_again_after_a_restart_publish_the_same_count_never_a_lower_one()
    {
        await OpenElectionWithVotesAsync(_ => 1, 4);
        var first = new RecordingPublisher();
        await using (var services = BuildServices(first))
        {
            await DispatchAllAsync(services);
        }

        // As if the process died after publishing and before marking the rows processed.
        await Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().OutboxMessages
            .Where(m => m.Type == nameof(VotesCast))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null), TestContext.Current.CancellationToken));
        var second = new RecordingPublisher();
        await using (var services = BuildServices(second))
        {
            await DispatchAllAsync(services);
        }

        Assert.Equal([4L], first.Snapshots.Select(s => s.Version));
        Assert.Equal([4L], second.Snapshots.Select(s => s.Version));
        Assert.Equal(0, await CountUnprocessedAsync());
    }

    [Fact]
    public async Task VoteCast_rows_stored_before_votes_were_combined_are_still_delivered_and_counted()
    {
        var (election, _) = await OpenElectionWithVotesAsync(candidate => candidate % 2, 4);

        // The outbox as an older version left it: one VoteCast row per ballot.
        await Fixture.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VotingDbContext>();
            await db.OutboxMessages.Where(m => m.Type == nameof(VotesCast)).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            var ballots = await db.Ballots.AsNoTracking().Where(b => b.ElectionId == election).OrderBy(b => b.Sequence).ToListAsync(TestContext.Current.CancellationToken);
            db.OutboxMessages.AddRange(ballots.Select(b => OutboxSerializer.ToMessage(new VoteCast(election, b.CandidateId, b.Sequence, Fixture.Clock.UtcNow))));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var publisher = new RecordingPublisher();
        await using var services = BuildServices(publisher);

        await DispatchAllAsync(services);

        var snapshot = Assert.Single(publisher.Snapshots);
        Assert.Equal((4L, 4L), (snapshot.Total, snapshot.Version));
        Assert.Equal([2L, 2L, 0L], snapshot.Candidates.Select(c => c.Votes));
        Assert.Equal(0, await CountUnprocessedAsync());
    }

    private async Task<(Domain.Elections.ElectionId Election, IReadOnlyList<Domain.Elections.CandidateId> Candidates)> OpenElectionWithVotesAsync(Func<int, int> candidateOfVoter, int votes)
    {
        var voters = await Scenario.SeedVotersAsync(votes);
        var (election, candidates) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        for (var i = 0; i < votes; i++)
        {
            await Scenario.CastAsync(voters[i], election, candidates[candidateOfVoter(i)]);
        }

        return (election, candidates);
    }

    private ServiceProvider BuildServices(RecordingPublisher publisher) =>
        Fixture.BuildServices(Fixture.ConnectionString, services =>
        {
            services.AddSingleton<ITallyPublisher>(publisher);
            services.AddSingleton(new LiveTallyOptions());
            services.AddSingleton<LiveTallyCoalescer>();
            services.AddScoped<PublishTallyOnVoteCast>();
            services.AddScoped<IDomainEventHandler<VotesCast>>(sp => sp.GetRequiredService<PublishTallyOnVoteCast>());
            services.AddScoped<IDomainEventHandler<VoteCast>>(sp => sp.GetRequiredService<PublishTallyOnVoteCast>());
        });

    private static async Task DispatchAllAsync(IServiceProvider services)
    {
        var dispatcher = ActivatorUtilities.CreateInstance<OutboxDispatcher>(services);
        while (await dispatcher.DispatchBatchAsync(TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    private Task<int> CountUnprocessedAsync() =>
        Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().OutboxMessages.CountAsync(m => m.ProcessedAt == null));

    private sealed class RecordingPublisher : ITallyPublisher
    {
        private readonly ConcurrentQueue<TallyView> _snapshots = new();

        public int FailuresLeft { get; set; }

        public IReadOnlyList<TallyView> Snapshots => [.. _snapshots];

        public Task PublishAsync(TallyView tally, CancellationToken cancellationToken)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("topic unavailable");
            }

            _snapshots.Enqueue(tally);
            return Task.CompletedTask;
        }
    }
}
