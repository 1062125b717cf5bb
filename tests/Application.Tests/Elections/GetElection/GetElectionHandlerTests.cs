using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.GetElection;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.GetElection;

public sealed class GetElectionHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ElectionStatus.Scheduled)]
    [InlineData(ElectionStatus.Open)]
    [InlineData(ElectionStatus.Closed)]
    [InlineData(ElectionStatus.ResultsPublished)]
    [InlineData(ElectionStatus.Cancelled)]
    public async Task Anyone_sees_an_election_that_is_not_a_draft(ElectionStatus status)
    {
        var election = Stored(TestDetails.Of(status));

        var seen = await Handler(Callers.Anonymous()).HandleAsync(new GetElectionQuery(election.Id), Ct);

        Assert.Same(election, seen);
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task Officials_see_drafts(Role roles)
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Draft));

        var seen = await Handler(Callers.SignedIn(roles)).HandleAsync(new GetElectionQuery(election.Id), Ct);

        Assert.Same(election, seen);
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    [InlineData(Role.None)]
    public async Task A_draft_does_not_exist_for_anyone_else(Role roles)
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Draft));

        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.SignedIn(roles)).HandleAsync(new GetElectionQuery(election.Id), Ct));
    }

    [Fact]
    public async Task A_draft_does_not_exist_for_anonymous_callers()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Draft));

        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Anonymous()).HandleAsync(new GetElectionQuery(election.Id), Ct));
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Admin()).HandleAsync(new GetElectionQuery(ElectionId.New()), Ct));
    }

    private ElectionDetails Stored(ElectionDetails election)
    {
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        return election;
    }

    private GetElectionHandler Handler(ICurrentUser caller) => new(caller, _queries);
}
