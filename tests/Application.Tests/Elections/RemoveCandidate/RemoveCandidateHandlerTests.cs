using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections.RemoveCandidate;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.RemoveCandidate;

public sealed class RemoveCandidateHandlerTests
{
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();
    private readonly Election _election;

    public RemoveCandidateHandlerTests()
    {
        _election = TestElections.Draft(_clock, candidates: 3);
        _elections.GetAsync(_election.Id, Arg.Any<CancellationToken>()).Returns(_election);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task An_official_removes_a_candidate_and_it_is_saved_once(Role roles)
    {
        var removed = _election.Candidates[1].Id;

        await Handler(Callers.SignedIn(roles)).HandleAsync(new RemoveCandidateCommand(_election.Id, removed), Ct);

        Assert.Equal(2, _election.Candidates.Count);
        Assert.DoesNotContain(_election.Candidates, c => c.Id == removed);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_candidate_not_standing_is_not_found()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.NotFound,
            () => Handler(Callers.Admin()).HandleAsync(new RemoveCandidateCommand(_election.Id, CandidateId.New()), Ct));

        Assert.Equal(3, _election.Candidates.Count);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.NotFound,
            () => Handler(Callers.Admin()).HandleAsync(new RemoveCandidateCommand(ElectionId.New(), _election.Candidates[0].Id), Ct));

        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_open_election_keeps_its_candidates()
    {
        var open = TestElections.Open(_clock);
        _elections.GetAsync(open.Id, Arg.Any<CancellationToken>()).Returns(open);

        await Refusals.RefusedAsync(
            ErrorCodes.InvalidState,
            () => Handler(Callers.Admin()).HandleAsync(new RemoveCandidateCommand(open.Id, open.Candidates[0].Id), Ct));

        Assert.Equal(2, open.Candidates.Count);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_as_unauthenticated()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.Unauthenticated,
            () => Handler(Callers.Anonymous()).HandleAsync(new RemoveCandidateCommand(_election.Id, _election.Candidates[0].Id), Ct));

        await AssertNothingLoadedOrWrittenAsync();
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    public async Task A_caller_who_is_not_an_official_is_forbidden(Role roles)
    {
        await Refusals.RefusedAsync(
            ErrorCodes.Forbidden,
            () => Handler(Callers.SignedIn(roles)).HandleAsync(new RemoveCandidateCommand(_election.Id, _election.Candidates[0].Id), Ct));

        Assert.Equal(3, _election.Candidates.Count);
        await AssertNothingLoadedOrWrittenAsync();
    }

    private async Task AssertNothingLoadedOrWrittenAsync()
    {
        await _elections.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private RemoveCandidateHandler Handler(ICurrentUser caller) => new(caller, _elections, _unitOfWork);
}
