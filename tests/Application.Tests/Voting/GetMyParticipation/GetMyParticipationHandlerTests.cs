using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Tests.TestSupport;
using Voting.Application.Voting.GetMyParticipation;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Voting.GetMyParticipation;

public sealed class GetMyParticipationHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_voter_who_voted_learns_when_to_the_hour()
    {
        var election = TestDetails.Of(ElectionStatus.Open);
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        var voter = UserId.New();
        var at = new DateTimeOffset(2030, 5, 1, 9, 0, 0, TimeSpan.Zero);
        _queries.FindParticipationAsync(election.Id, voter, Arg.Any<CancellationToken>()).Returns(at);

        var participation = await Handler(Callers.SignedIn(Role.Voter, voter)).HandleAsync(new GetMyParticipationQuery(election.Id), Ct);

        Assert.Equal(new MyParticipation(election.Id, HasVoted: true, VotedAt: at), participation);
    }

    [Fact]
    public async Task A_voter_who_did_not_vote_is_told_so()
    {
        var election = TestDetails.Of(ElectionStatus.Open);
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        _queries.FindParticipationAsync(election.Id, Arg.Any<UserId>(), Arg.Any<CancellationToken>()).Returns((DateTimeOffset?)null);

        var participation = await Handler(Callers.Voter()).HandleAsync(new GetMyParticipationQuery(election.Id), Ct);

        Assert.Equal(new MyParticipation(election.Id, HasVoted: false, VotedAt: null), participation);
    }

    [Fact]
    public async Task Only_the_signed_in_caller_may_ask()
    {
        await Refusals.RefusedAsync(ErrorCodes.Unauthenticated, () => Handler(Callers.Anonymous()).HandleAsync(new GetMyParticipationQuery(ElectionId.New()), Ct));

        await _queries.DidNotReceiveWithAnyArgs().FindParticipationAsync(default, default, Ct);
    }

    [Fact]
    public async Task A_draft_or_unknown_election_is_not_found_for_a_voter()
    {
        var draft = TestDetails.Of(ElectionStatus.Draft);
        _queries.GetAsync(draft.Id, Arg.Any<CancellationToken>()).Returns(draft);

        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Voter()).HandleAsync(new GetMyParticipationQuery(draft.Id), Ct));
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Voter()).HandleAsync(new GetMyParticipationQuery(ElectionId.New()), Ct));
    }

    private GetMyParticipationHandler Handler(ICurrentUser caller) => new(caller, _queries);
}
