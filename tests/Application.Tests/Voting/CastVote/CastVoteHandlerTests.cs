using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Tests.TestSupport;
using Voting.Application.Voting.CastVote;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Voting.CastVote;

public sealed class CastVoteHandlerTests
{
    private readonly IOpenElections _openElections = Substitute.For<IOpenElections>();
    private readonly IBallotBox _ballotBox = Substitute.For<IBallotBox>();
    private readonly FakeClock _clock = new();
    private readonly User _voter;
    private readonly Dictionary<UserId, User> _accounts = [];
    private readonly HashSet<CitizenId> _roll = [];
    private CastVoteResult? _stored;

    public CastVoteHandlerTests()
    {
        _voter = Registered(TestUsers.Voter(_clock, seed: 7));
        // The ballot box reads the voter, gives the vote sequence 42 and commits what the domain casts.
        _ballotBox.CommitAsync(Arg.Any<PendingVote>(), Arg.Any<CancellationToken>())
            .Returns(call => _stored = CastAsRead(call.Arg<PendingVote>(), 42));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vote_is_committed_by_the_ballot_box_and_returns_the_receipt()
    {
        var election = Stored(TestElections.Open(_clock));
        var choice = election.Candidates[1].Id;
        election.ClearDomainEvents();

        var receipt = await HandleAsync(_voter, election, choice);

        Assert.NotNull(_stored);
        await _ballotBox.Received(1).CommitAsync(Arg.Is<PendingVote>(v => v.Election == election && v.VoterId == _voter.Id), Arg.Any<CancellationToken>());
        Assert.Equal(election.Id, receipt.ElectionId);
        Assert.Equal(_stored.Receipt.Value, receipt.Receipt);
        Assert.Equal(Receipt.Parse(receipt.Receipt).Hash, _stored.Ballot.ReceiptHash);
        Assert.Equal(choice, _stored.Ballot.CandidateId);
        Assert.Equal(election.Id, _stored.Ballot.ElectionId);
        Assert.Equal(_voter.Id, _stored.Participation.VoterId);
        Assert.Equal(election.Id, _stored.Participation.ElectionId);
        var cast = Assert.IsType<VoteCast>(Assert.Single(election.DomainEvents));
        Assert.Equal(choice, cast.CandidateId);
        Assert.Equal(42, cast.Sequence);
    }

    [Fact]
    public async Task The_ballot_sequence_is_the_one_the_ballot_box_gives_when_it_commits()
    {
        var election = Stored(TestElections.Open(_clock));
        _ballotBox.CommitAsync(Arg.Any<PendingVote>(), Arg.Any<CancellationToken>())
            .Returns(call => _stored = CastAsRead(call.Arg<PendingVote>(), 1_234));

        var receipt = await HandleAsync(_voter, election, election.Candidates[0].Id);

        Assert.Equal(1_234, receipt.Sequence);
        Assert.Equal(1_234, _stored?.Ballot.Sequence);
    }

    [Fact]
    public async Task The_pending_vote_checks_the_rules_again_when_the_ballot_box_casts_it()
    {
        var election = Stored(TestElections.Open(_clock));
        _ballotBox.CommitAsync(Arg.Any<PendingVote>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                // The election reaches its closing time while the vote waits for its batch.
                _clock.Set(election.ClosesAt);
                return CastAsRead(call.Arg<PendingVote>(), 1);
            });

        await Refusals.RefusedAsync(ErrorCodes.ElectionNotOpen, () => HandleAsync(_voter, election, election.Candidates[0].Id));
    }

    [Fact]
    public async Task Whether_the_voter_already_voted_is_left_to_the_ballot_box()
    {
        var election = Stored(TestElections.Open(_clock));
        _ballotBox.CommitAsync(Arg.Any<PendingVote>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<CastVoteResult>(new DomainException(ErrorCodes.AlreadyVoted, "You have already voted in this election.")));

        await Refusals.RefusedAsync(ErrorCodes.AlreadyVoted, () => HandleAsync(_voter, election, election.Candidates[0].Id));
    }

    [Fact]
    public async Task Each_vote_gets_a_fresh_receipt()
    {
        var election = Stored(TestElections.Open(_clock));
        var other = Registered(TestUsers.Voter(_clock, seed: 8));

        var first = await HandleAsync(_voter, election, election.Candidates[0].Id);
        var second = await HandleAsync(other, election, election.Candidates[0].Id);

        Assert.NotEqual(first.Receipt, second.Receipt);
    }

    [Fact]
    public async Task Open_to_all_registered_voters_a_voter_off_every_roll_votes()
    {
        var election = Stored(TestElections.Open(_clock));

        var receipt = await HandleAsync(_voter, election, election.Candidates[0].Id);

        Assert.Equal(42, receipt.Sequence);
    }

    [Fact]
    public async Task A_voter_on_the_roll_votes()
    {
        var election = Stored(TestElections.Open(_clock, roll: TestElections.Roll(7, 8)));
        _roll.Add(_voter.CitizenId);

        var receipt = await HandleAsync(_voter, election, election.Candidates[0].Id);

        Assert.Equal(42, receipt.Sequence);
    }

    [Fact]
    public async Task A_voter_not_on_the_roll_is_not_eligible()
    {
        var election = Stored(TestElections.Open(_clock, roll: TestElections.Roll(8)));

        await AssertRefusedInTheBallotBoxAsync(ErrorCodes.NotEligible, _voter, election, election.Candidates[0].Id);
    }

    [Fact]
    public async Task A_user_without_the_voter_role_is_not_eligible()
    {
        var officer = Registered(TestUsers.WithOnly(Role.ElectionOfficer, _clock, seed: 9));
        var election = Stored(TestElections.Open(_clock));

        await AssertRefusedInTheBallotBoxAsync(ErrorCodes.NotEligible, officer, election, election.Candidates[0].Id);
    }

    [Theory]
    [InlineData(ElectionStatus.Draft)]
    [InlineData(ElectionStatus.Scheduled)]
    [InlineData(ElectionStatus.Closed)]
    [InlineData(ElectionStatus.ResultsPublished)]
    [InlineData(ElectionStatus.Cancelled)]
    public async Task An_election_that_is_not_open_takes_no_vote(ElectionStatus status)
    {
        var election = Stored(TestElections.In(status, _clock));

        await AssertRefusedAsync(ErrorCodes.ElectionNotOpen, _voter, election, election.Candidates[0].Id);
    }

    [Fact]
    public async Task An_open_election_past_its_closing_time_takes_no_vote()
    {
        var election = Stored(TestElections.Open(_clock));
        _clock.Set(election.ClosesAt);

        await AssertRefusedAsync(ErrorCodes.ElectionNotOpen, _voter, election, election.Candidates[0].Id);
    }

    [Fact]
    public async Task A_candidate_not_standing_is_not_found()
    {
        var election = Stored(TestElections.Open(_clock));

        await AssertRefusedInTheBallotBoxAsync(ErrorCodes.NotFound, _voter, election, CandidateId.New());
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.NotFound,
            () => Handler(Callers.SignedIn(Role.Voter, _voter.Id)).HandleAsync(new CastVoteCommand(ElectionId.New(), CandidateId.New()), Ct));

        await AssertNothingTakenOrStoredAsync();
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_as_unauthenticated()
    {
        var election = Stored(TestElections.Open(_clock));

        await Refusals.RefusedAsync(
            ErrorCodes.Unauthenticated,
            () => Handler(Callers.Anonymous()).HandleAsync(new CastVoteCommand(election.Id, election.Candidates[0].Id), Ct));

        await AssertNothingTakenOrStoredAsync();
    }

    [Fact]
    public async Task A_caller_whose_account_is_gone_is_refused_as_unauthenticated_when_the_ballot_box_reads_it()
    {
        var election = Stored(TestElections.Open(_clock));
        election.ClearDomainEvents();

        await Refusals.RefusedAsync(
            ErrorCodes.Unauthenticated,
            () => Handler(Callers.SignedIn(Role.Voter)).HandleAsync(new CastVoteCommand(election.Id, election.Candidates[0].Id), Ct));

        Assert.Null(_stored);
        Assert.Empty(election.DomainEvents);
    }

    private async Task AssertRefusedAsync(string code, User voter, Election election, CandidateId choice)
    {
        election.ClearDomainEvents();

        await Refusals.RefusedAsync(code, () => HandleAsync(voter, election, choice));

        Assert.Empty(election.DomainEvents);
        await AssertNothingTakenOrStoredAsync();
    }

    /// <summary>
    /// A rule that depends on the voter is checked when the ballot box casts the vote for the voter it
    /// read: the vote is refused there, casts nothing and raises nothing.
    /// </summary>
    private async Task AssertRefusedInTheBallotBoxAsync(string code, User voter, Election election, CandidateId choice)
    {
        election.ClearDomainEvents();

        await Refusals.RefusedAsync(code, () => HandleAsync(voter, election, choice));

        Assert.Null(_stored);
        Assert.Empty(election.DomainEvents);
    }

    /// <summary>A vote refused before its voter is read never reaches the ballot box, so it joins no batch and takes no sequence.</summary>
    private async Task AssertNothingTakenOrStoredAsync() =>
        await _ballotBox.DidNotReceiveWithAnyArgs().CommitAsync(default!, Ct);

    private User Registered(User user)
    {
        _accounts[user.Id] = user;
        return user;
    }

    /// <summary>What the ballot box does in its transaction: reads the voter and the roll, then casts.</summary>
    private CastVoteResult CastAsRead(PendingVote vote, long sequence)
    {
        var user = _accounts.GetValueOrDefault(vote.VoterId);
        return vote.Cast(new VoterOnRecord(user, user is not null && _roll.Contains(user.CitizenId)), sequence);
    }

    private Election Stored(Election election)
    {
        _openElections.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        return election;
    }

    private Task<CastVoteReceipt> HandleAsync(User voter, Election election, CandidateId choice) =>
        Handler(Callers.SignedIn(voter.Roles, voter.Id)).HandleAsync(new CastVoteCommand(election.Id, choice), Ct);

    private CastVoteHandler Handler(ICurrentUser caller) => new(caller, _openElections, _ballotBox, _clock);
}
