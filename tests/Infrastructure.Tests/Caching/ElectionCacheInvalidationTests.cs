using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.AddCandidate;
using Voting.Application.Elections.AdvanceScheduledElections;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Elections.GetElection;
using Voting.Application.Elections.RemoveCandidate;
using Voting.Application.Elections.SetVoterRoll;
using Voting.Application.Elections.UpdateElection;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Caching;

/// <summary>
/// With Redis configured, reads of an election come from the cache, and every use case that changes an election or
/// its candidates removes it once committed, so the next read (on any instance) sees the change.
/// </summary>
public sealed class ElectionCacheInvalidationTests(RedisSqliteFixture fixture) : DatabaseTests(fixture), IClassFixture<RedisSqliteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RedisClient Redis => Fixture.Services.GetRequiredService<RedisClient>();

    private RedisElectionCache Cache => Fixture.Services.GetRequiredService<RedisElectionCache>();

    [Fact]
    public void With_Redis_the_read_side_and_the_unit_of_work_are_the_caching_ones()
    {
        using var scope = Fixture.Services.CreateScope();
        Assert.IsType<CachedElectionQueries>(scope.ServiceProvider.GetRequiredService<IElectionQueries>());
        Assert.IsType<ElectionCacheInvalidatingUnitOfWork>(scope.ServiceProvider.GetRequiredService<IUnitOfWork>());
    }

    [Fact]
    public async Task A_read_is_cached_and_answered_from_Redis()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await ReadAsync(election);
        var key = Cache.EntryKey(election);
        Assert.False((await Redis.GetAsync(key, Ct)).IsNull);

        // What the cache holds is what the next read answers: the database is not asked.
        var cached = await ReadAsync(election);
        await Redis.SetAsync(key, System.Text.Json.JsonSerializer.Serialize(cached with { Title = "From Redis" }, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)), TimeSpan.FromMinutes(1), cancellationToken: Ct);
        Assert.Equal("From Redis", (await ReadAsync(election)).Title);
    }

    [Fact]
    public async Task Updating_an_election_removes_it()
    {
        var (election, _) = await CachedElectionAsync();
        var now = Fixture.Clock.UtcNow;
        await Scenario.AsOfficerAsync(() => Scenario.RunAsync<UpdateElectionHandler, bool>(async h =>
        {
            await h.HandleAsync(new UpdateElectionCommand(election, "Governor", "State election", now.AddHours(2), now.AddDays(2), ResultsVisibility.AfterClose), Ct);
            return true;
        }));

        await AssertRemovedAsync(election);
        Assert.Equal("Governor", (await ReadAsync(election)).Title);
    }

    [Fact]
    public async Task Adding_a_candidate_removes_the_election()
    {
        var (election, _) = await CachedElectionAsync();
        await Scenario.AsOfficerAsync(() => Scenario.RunAsync<AddCandidateHandler, CandidateId>(h => h.HandleAsync(new AddCandidateCommand(election, "Dana", "Party D"), Ct)));

        await AssertRemovedAsync(election);
        Assert.Contains((await ReadAsync(election)).Candidates, c => c.Name == "Dana");
    }

    [Fact]
    public async Task Removing_a_candidate_removes_the_election()
    {
        var (election, candidates) = await CachedElectionAsync();
        await Scenario.AsOfficerAsync(() => Scenario.RunAsync<RemoveCandidateHandler, bool>(async h =>
        {
            await h.HandleAsync(new RemoveCandidateCommand(election, candidates[0]), Ct);
            return true;
        }));

        await AssertRemovedAsync(election);
        Assert.DoesNotContain((await ReadAsync(election)).Candidates, c => c.Id == candidates[0]);
    }

    [Fact]
    public async Task Setting_the_voter_roll_removes_the_election()
    {
        var (election, _) = await CachedElectionAsync();
        await Scenario.AsOfficerAsync(() => Scenario.RunAsync<SetVoterRollHandler, VoterRollSummary>(h =>
            h.HandleAsync(new SetVoterRollCommand(election, [CitizenIds.Make(1), CitizenIds.Make(2)]), Ct)));

        await AssertRemovedAsync(election);
        var read = await ReadAsync(election);
        Assert.Equal(EligibilityMode.VoterRoll, read.Eligibility);
        Assert.Equal(2, read.VoterRollSize);
    }

    [Theory]
    [InlineData(ElectionTransition.Schedule, ElectionStatus.Scheduled)]
    [InlineData(ElectionTransition.Cancel, ElectionStatus.Cancelled)]
    public async Task A_status_transition_removes_the_election(ElectionTransition transition, ElectionStatus reached)
    {
        var (election, _) = await CachedElectionAsync();
        await Scenario.TransitionAsync(election, transition);

        await AssertRemovedAsync(election);
        Assert.Equal(reached, (await ReadAsync(election)).Status);
    }

    [Fact]
    public async Task Closing_and_publishing_results_each_remove_the_election()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        await ReadAsync(election);

        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddDays(1);
        await Scenario.TransitionAsync(election, ElectionTransition.Close);
        await AssertRemovedAsync(election);
        Assert.Equal(ElectionStatus.Closed, (await ReadAsync(election)).Status);

        await Scenario.TransitionAsync(election, ElectionTransition.PublishResults);
        await AssertRemovedAsync(election);
        Assert.Equal(ElectionStatus.ResultsPublished, (await ReadAsync(election)).Status);
    }

    [Fact]
    public async Task A_scheduled_opening_removes_the_election()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.TransitionAsync(election, ElectionTransition.Schedule);
        await ReadAsync(election);

        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddHours(2);
        var result = await Scenario.RunAsync<AdvanceScheduledElectionsHandler, AdvanceScheduledElectionsResult>(h => h.HandleAsync(new AdvanceScheduledElectionsCommand(), Ct));

        Assert.Equal(1, result.Opened);
        await AssertRemovedAsync(election);
        Assert.Equal(ElectionStatus.Open, (await ReadAsync(election)).Status);
    }

    [Fact]
    public async Task A_refused_change_leaves_the_cached_election_alone()
    {
        var (election, _) = await CachedElectionAsync();

        // No such candidate: the use case fails before anything is committed, so nothing needs removing.
        await Assert.ThrowsAsync<DomainException>(() => Scenario.AsOfficerAsync(() => Scenario.RunAsync<RemoveCandidateHandler, bool>(async h =>
        {
            await h.HandleAsync(new RemoveCandidateCommand(election, CandidateId.New()), Ct);
            return true;
        })));

        Assert.False((await Redis.GetAsync(Cache.EntryKey(election), Ct)).IsNull);
    }

    private async Task<(ElectionId Election, IReadOnlyList<CandidateId> Candidates)> CachedElectionAsync()
    {
        await Redis.ConnectAsync(Ct);
        var created = await Scenario.CreateElectionAsync();
        await ReadAsync(created.Election);
        Assert.False((await Redis.GetAsync(Cache.EntryKey(created.Election), Ct)).IsNull);
        return created;
    }

    private async Task<ElectionDetails> ReadAsync(ElectionId election)
    {
        await Redis.ConnectAsync(Ct);
        return await Scenario.AsOfficerAsync(() => Scenario.RunAsync<GetElectionHandler, ElectionDetails>(h => h.HandleAsync(new GetElectionQuery(election), Ct)));
    }

    private async Task AssertRemovedAsync(ElectionId election) =>
        Assert.True((await Redis.GetAsync(Cache.EntryKey(election), Ct)).IsNull, "The changed election is still cached.");
}
