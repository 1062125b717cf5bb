using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections.AddCandidate;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.AddCandidate;

public sealed class AddCandidateHandlerTests
{
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();
    private readonly Election _election;

    public AddCandidateHandlerTests()
    {
        _election = TestElections.Draft(_clock, candidates: 0);
        _elections.GetAsync(_election.Id, Arg.Any<CancellationToken>()).Returns(_election);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task An_official_adds_a_candidate_and_it_is_saved_once(Role roles)
    {
        var id = await Handler(Callers.SignedIn(roles)).HandleAsync(new AddCandidateCommand(_election.Id, " Alice ", "Party A"), Ct);

        var candidate = Assert.Single(_election.Candidates);
        Assert.Equal(id, candidate.Id);
        Assert.Equal("Alice", candidate.Name);
        Assert.Equal("Party A", candidate.Description);
        Assert.Equal(_election.Id, candidate.ElectionId);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Without_a_display_order_candidates_are_placed_after_the_last_one()
    {
        var handler = Handler(Callers.Admin());

        await handler.HandleAsync(new AddCandidateCommand(_election.Id, "Alice", null, DisplayOrder: 5), Ct);
        var second = await handler.HandleAsync(new AddCandidateCommand(_election.Id, "Bob", null), Ct);

        Assert.Equal(6, _election.Candidates.Single(c => c.Id == second).DisplayOrder);
    }

    [Fact]
    public async Task The_first_candidate_without_a_display_order_comes_first()
    {
        var id = await Handler(Callers.Admin()).HandleAsync(new AddCandidateCommand(_election.Id, "Alice", null), Ct);

        Assert.Equal(1, _election.Candidates.Single(c => c.Id == id).DisplayOrder);
    }

    [Fact]
    public async Task A_name_already_standing_is_refused_whatever_its_case()
    {
        await Handler(Callers.Admin()).HandleAsync(new AddCandidateCommand(_election.Id, "Alice", null), Ct);
        _unitOfWork.ClearReceivedCalls();

        await Refusals.RefusedAsync(ErrorCodes.Validation, () => Handler(Callers.Admin()).HandleAsync(new AddCandidateCommand(_election.Id, "ALICE", null), Ct));

        Assert.Single(_election.Candidates);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Admin()).HandleAsync(new AddCandidateCommand(ElectionId.New(), "Alice", null), Ct));

        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_open_election_takes_no_new_candidates()
    {
        var open = TestElections.Open(_clock);
        _elections.GetAsync(open.Id, Arg.Any<CancellationToken>()).Returns(open);

        await Refusals.RefusedAsync(ErrorCodes.InvalidState, () => Handler(Callers.Admin()).HandleAsync(new AddCandidateCommand(open.Id, "Late", null), Ct));

        Assert.Equal(2, open.Candidates.Count);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_as_unauthenticated()
    {
        await Refusals.RefusedAsync(ErrorCodes.Unauthenticated, () => Handler(Callers.Anonymous()).HandleAsync(new AddCandidateCommand(_election.Id, "Alice", null), Ct));

        await AssertNothingLoadedOrWrittenAsync();
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    public async Task A_caller_who_is_not_an_official_is_forbidden(Role roles)
    {
        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(Callers.SignedIn(roles)).HandleAsync(new AddCandidateCommand(_election.Id, "Alice", null), Ct));

        await AssertNothingLoadedOrWrittenAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_name_is_refused(string name) =>
        await AssertInvalidAsync(new AddCandidateCommand(_election.Id, name, null), "Name");

    [Fact]
    public async Task An_oversized_name_is_refused() =>
        await AssertInvalidAsync(new AddCandidateCommand(_election.Id, new string('n', Candidate.MaxNameLength + 1), null), "Name");

    [Fact]
    public async Task An_oversized_description_is_refused() =>
        await AssertInvalidAsync(new AddCandidateCommand(_election.Id, "Alice", new string('d', Candidate.MaxDescriptionLength + 1)), "Description");

    [Fact]
    public async Task A_negative_display_order_is_refused() =>
        await AssertInvalidAsync(new AddCandidateCommand(_election.Id, "Alice", null, DisplayOrder: -1), "DisplayOrder");

    [Fact]
    public async Task Names_and_descriptions_at_their_limits_are_accepted()
    {
        var name = new string('n', Candidate.MaxNameLength);
        var description = new string('d', Candidate.MaxDescriptionLength);

        await Handler(Callers.Admin()).HandleAsync(new AddCandidateCommand(_election.Id, name, description, DisplayOrder: 0), Ct);

        Assert.Equal(name, Assert.Single(_election.Candidates).Name);
    }

    private async Task AssertInvalidAsync(AddCandidateCommand command, string field)
    {
        await Refusals.InvalidAsync(() => Handler(Callers.Admin()).HandleAsync(command, Ct), field);

        Assert.Empty(_election.Candidates);
        await AssertNothingLoadedOrWrittenAsync();
    }

    private async Task AssertNothingLoadedOrWrittenAsync()
    {
        await _elections.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private AddCandidateHandler Handler(ICurrentUser caller) => new(new AddCandidateValidator(), caller, _elections, _unitOfWork);
}
