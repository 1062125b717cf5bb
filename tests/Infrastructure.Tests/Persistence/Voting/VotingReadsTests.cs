using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence.Voting;

/// <summary>The read a vote makes before its batch: open elections remembered.</summary>
public abstract class VotingReadsTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    private IOpenElections OpenElections => Fixture.Services.GetRequiredService<IOpenElections>();

    [Fact]
    public async Task An_open_election_is_remembered_and_one_not_yet_open_is_read_afresh()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        var draft = await OpenElections.GetAsync(election, CancellationToken.None);
        await Scenario.OpenAsync(election);

        var opened = await OpenElections.GetAsync(election, CancellationToken.None);
        await RenameInDatabaseAsync(election, "Renamed behind the cache's back");
        var remembered = await OpenElections.GetAsync(election, CancellationToken.None);
        OpenElections.Forget(election);
        var forgotten = await OpenElections.GetAsync(election, CancellationToken.None);

        Assert.Equal(ElectionStatus.Draft, draft!.Status);
        Assert.Equal(ElectionStatus.Open, opened!.Status);
        Assert.Same(opened, remembered);
        Assert.Equal("Renamed behind the cache's back", forgotten!.Title);
        Assert.Null(await OpenElections.GetAsync(ElectionId.New(), CancellationToken.None));
    }

    [Fact]
    public async Task A_closed_election_is_not_remembered()
    {
        var (election, _) = await Scenario.CreateElectionAsync();
        await Scenario.OpenAsync(election);
        Fixture.Clock.UtcNow = Fixture.Clock.UtcNow.AddDays(1);
        await Scenario.TransitionAsync(election, ElectionTransition.Close);

        var first = await OpenElections.GetAsync(election, CancellationToken.None);
        var second = await OpenElections.GetAsync(election, CancellationToken.None);

        Assert.Equal(ElectionStatus.Closed, first!.Status);
        Assert.NotSame(first, second);
    }

    private Task<int> RenameInDatabaseAsync(ElectionId election, string title) =>
        Fixture.InScopeAsync(services => services.GetRequiredService<VotingDbContext>().Elections
            .Where(e => e.Id == election)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Title, title)));
}
