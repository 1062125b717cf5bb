using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections.AdvanceScheduledElections;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Domain.Elections;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Scheduling;

/// <summary>Which elections are due, from the real tables, and two scheduler passes racing over them.</summary>
public abstract class ElectionScheduleTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    [Fact]
    public async Task Due_elections_are_the_scheduled_ones_inside_their_window_and_the_open_ones_past_closing()
    {
        var start = Fixture.Clock.UtcNow;
        var draft = (await Scenario.CreateElectionAsync()).Election;
        var scheduled = await ScheduledAsync();
        var open = (await Scenario.CreateElectionAsync()).Election;
        await Scenario.OpenAsync(open); // moves the clock past the opening time of everything so far

        var afterOpening = Fixture.Clock.UtcNow;
        var later = await ScheduledAsync();

        Assert.Equal([scheduled], await ListDueAsync(afterOpening));
        Assert.Equal(start.AddHours(2).AddMinutes(1), await NextDueAsync(afterOpening)); // the later one's opening
        Assert.Empty(await ListDueAsync(start));
        Assert.Equal(start.AddHours(1), await NextDueAsync(start));

        // The first scheduled one's window has passed: it is not opened. The draft is never due.
        var afterClosing = start.AddDays(1).AddMinutes(1);
        Assert.Equal([later, open], await ListDueAsync(afterClosing));
        Assert.Null(await NextDueAsync(afterClosing));
        Assert.DoesNotContain(draft, await ListDueAsync(afterClosing));
    }

    [Fact]
    public async Task Two_passes_racing_open_each_due_election_exactly_once()
    {
        var elections = new List<ElectionId>();
        for (var i = 0; i < 6; i++)
        {
            elections.Add(await ScheduledAsync());
        }

        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddHours(2);

        var results = await Task.WhenAll(
            Task.Run(() => PassAsync()),
            Task.Run(() => PassAsync()));

        Assert.Equal(6, results.Sum(r => r.Opened));
        var statuses = await Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().Elections.Select(e => e.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(ElectionStatus.Open, s));
        var opened = await Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().OutboxMessages.CountAsync(m => m.Type == "ElectionOpened"));
        Assert.Equal(6, opened);
    }

    [Fact]
    public async Task A_pass_closes_an_open_election_at_its_closing_time_fixing_the_electorate()
    {
        await Scenario.SeedVotersAsync(3);
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddDays(1);

        var result = await PassAsync();

        Assert.Equal((0, 1), (result.Opened, result.Closed));
        var closed = await Fixture.InScopeAsync(s => s.GetRequiredService<VotingDbContext>().Elections.SingleAsync());
        Assert.Equal((ElectionStatus.Closed, (long?)3), (closed.Status, closed.Electorate));
        Assert.Null(result.NextDueAt);
    }

    private async Task<ElectionId> ScheduledAsync()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.TransitionAsync(election, ElectionTransition.Schedule);
        return election;
    }

    private Task<AdvanceScheduledElectionsResult> PassAsync() =>
        Scenario.RunAsync<AdvanceScheduledElectionsHandler, AdvanceScheduledElectionsResult>(h => h.HandleAsync(new AdvanceScheduledElectionsCommand(), CancellationToken.None));

    private Task<IReadOnlyList<ElectionId>> ListDueAsync(DateTimeOffset now) =>
        Fixture.InScopeAsync(s => s.GetRequiredService<IElectionSchedule>().ListDueAsync(now, 100, CancellationToken.None));

    private Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now) =>
        Fixture.InScopeAsync(s => s.GetRequiredService<IElectionSchedule>().NextDueAtAsync(now, CancellationToken.None));
}
