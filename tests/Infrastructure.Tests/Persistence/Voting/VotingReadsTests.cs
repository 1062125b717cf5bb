using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;
using Voting.Infrastructure.Tests.Support;

namespace Voting.Infrastructure.Tests.Persistence.Voting;

/// <summary>The reads a vote makes before its batch: voters read in groups, open elections remembered.</summary>
public abstract class VotingReadsTests(DatabaseFixture fixture) : DatabaseTests(fixture)
{
    private IVoters Voters => Fixture.Services.GetRequiredService<IVoters>();

    private IOpenElections OpenElections => Fixture.Services.GetRequiredService<IOpenElections>();

    [Fact]
    public async Task Many_voters_read_at_once_each_get_their_own_user_and_an_unknown_one_gets_null()
    {
        var ids = await Scenario.SeedVotersAsync(300);
        var unknown = UserId.New();

        var users = await Task.WhenAll(ids.Append(unknown).Select(id => Task.Run(() => Voters.GetAsync(id, CancellationToken.None))));

        Assert.Equal(ids, users.Take(ids.Count).Select(u => u!.Id));
        Assert.Null(users[^1]);
    }

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
