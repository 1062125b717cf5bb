using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.GetCandidate;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.GetCandidate;

public sealed class GetCandidateHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ElectionStatus.Scheduled)]
    [InlineData(ElectionStatus.Open)]
    [InlineData(ElectionStatus.Cancelled)]
    public async Task A_candidate_of_a_public_election_is_found_by_anyone(ElectionStatus status)
    {
        var (election, candidate) = Stored(status);

        var found = await Handler(Callers.Anonymous()).HandleAsync(new GetCandidateQuery(candidate.Id), Ct);

        Assert.Equal(new CandidateDetails(election.Id, candidate), found);
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task A_candidate_of_a_draft_is_found_by_officials(Role roles)
    {
        var (_, candidate) = Stored(ElectionStatus.Draft);

        var found = await Handler(Callers.SignedIn(roles)).HandleAsync(new GetCandidateQuery(candidate.Id), Ct);

        Assert.Equal(candidate, found.Candidate);
    }

    [Theory]
    [InlineData(Role.None)]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    public async Task A_candidate_of_a_draft_does_not_exist_for_anyone_else(Role roles)
    {
        var (_, candidate) = Stored(ElectionStatus.Draft);
        var caller = roles == Role.None ? Callers.Anonymous() : Callers.SignedIn(roles);

        var refusal = await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(caller).HandleAsync(new GetCandidateQuery(candidate.Id), Ct));

        Assert.Contains(candidate.Id.ToString(), refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_candidate_is_not_found()
    {
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Admin()).HandleAsync(new GetCandidateQuery(CandidateId.New()), Ct));
    }

    private (ElectionDetails Election, CandidateView Candidate) Stored(ElectionStatus status)
    {
        var election = TestDetails.Of(status);
        var candidate = election.Candidates[0];
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        _queries.GetCandidateAsync(candidate.Id, Arg.Any<CancellationToken>()).Returns(new CandidateDetails(election.Id, candidate));
        return (election, candidate);
    }

    private GetCandidateHandler Handler(ICurrentUser caller) => new(caller, _queries);
}
