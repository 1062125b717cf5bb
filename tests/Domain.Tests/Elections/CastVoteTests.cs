using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Elections;

public sealed class CastVoteTests
{
    private static readonly VoterStanding FirstVote = new(HasVoted: false, OnVoterRoll: false);
    private static readonly VoterStanding FirstVoteOnRoll = new(HasVoted: false, OnVoterRoll: true);

    private readonly FakeClock _clock = TestElection.Clock();

    public static TheoryData<ElectionStatus> NotOpen =>
        new(Enum.GetValues<ElectionStatus>().Where(s => s != ElectionStatus.Open));

    [Fact]
    public void Casting_a_vote_produces_a_participation_a_ballot_and_a_receipt()
    {
        var election = TestElection.Open(_clock);
        var voter = Voters.Registered(_clock);
        var candidate = election.Candidates[1].Id;

        var result = election.CastVote(voter, BallotChoice.Single(candidate), FirstVote, 7, _clock);

        Assert.Equal(election.Id, result.Participation.ElectionId);
        Assert.Equal(voter.Id, result.Participation.VoterId);
        Assert.Equal(election.Id, result.Ballot.ElectionId);
        Assert.Equal(candidate, result.Ballot.CandidateId);
        Assert.Equal(7, result.Ballot.Sequence);
        Assert.Equal(result.Receipt.Hash, result.Ballot.ReceiptHash);
        Assert.Equal(ElectionStatus.Open, election.Status);
    }

    [Fact]
    public void Casting_a_vote_raises_VoteCast_with_the_choice_and_sequence()
    {
        var election = TestElection.Open(_clock);
        var candidate = election.Candidates[0].Id;

        election.CastVote(Voters.Registered(_clock), BallotChoice.Single(candidate), FirstVote, 42, _clock);

        var hour = new DateTimeOffset(TestElection.DuringVoting.Year, TestElection.DuringVoting.Month, TestElection.DuringVoting.Day, TestElection.DuringVoting.Hour, 0, 0, TimeSpan.Zero);
        Assert.Equal([new VoteCast(election.Id, candidate, 42, hour)], election.DomainEvents);
    }

    [Fact]
    public void Casting_at_the_opening_time_is_allowed()
    {
        var election = TestElection.InStatus(ElectionStatus.Scheduled, _clock);
        _clock.UtcNow = TestElection.OpensAt;
        election.Open(_clock);

        var result = election.CastVote(Voters.Registered(_clock), BallotChoice.Single(election.Candidates[0].Id), FirstVote, 1, _clock);

        Assert.Equal(1, result.Ballot.Sequence);
    }

    [Fact]
    public void Casting_just_before_the_closing_time_is_allowed()
    {
        var election = TestElection.Open(_clock);
        _clock.UtcNow = TestElection.ClosesAt.AddTicks(-1);

        var result = election.CastVote(Voters.Registered(_clock), BallotChoice.Single(election.Candidates[0].Id), FirstVote, 1, _clock);

        Assert.Equal(1, result.Ballot.Sequence);
    }

    [Fact]
    public void A_voter_on_the_roll_may_cast_a_vote()
    {
        var election = OpenWithRoll();

        var result = election.CastVote(Voters.Registered(_clock), BallotChoice.Single(election.Candidates[0].Id), FirstVoteOnRoll, 1, _clock);

        Assert.Equal(election.Id, result.Ballot.ElectionId);
    }

    [Theory]
    [MemberData(nameof(NotOpen))]
    public void Casting_in_an_election_that_is_not_open_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        var candidate = election.Candidates[0].Id;
        _clock.UtcNow = TestElection.DuringVoting;

        RefusedWithoutVote(ErrorCodes.ElectionNotOpen, election, Voters.Registered(_clock), candidate, FirstVote);
    }

    [Fact]
    public void Casting_before_the_opening_time_is_refused_even_while_open()
    {
        var election = TestElection.Open(_clock);
        _clock.UtcNow = TestElection.OpensAt.AddTicks(-1);

        RefusedWithoutVote(ErrorCodes.ElectionNotOpen, election, Voters.Registered(_clock), election.Candidates[0].Id, FirstVote);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60 * 60)]
    public void Casting_once_the_closing_time_has_come_is_refused_even_before_closing(int secondsAfterClosing)
    {
        var election = TestElection.Open(_clock);
        _clock.UtcNow = TestElection.ClosesAt.AddSeconds(secondsAfterClosing);

        RefusedWithoutVote(ErrorCodes.ElectionNotOpen, election, Voters.Registered(_clock), election.Candidates[0].Id, FirstVote);
    }

    [Theory]
    [InlineData(Role.None)]
    [InlineData(Role.Admin)]
    [InlineData(Role.Admin | Role.ElectionOfficer | Role.Observer)]
    public void Casting_without_the_voter_role_is_refused(Role roles)
    {
        var election = TestElection.Open(_clock);

        RefusedWithoutVote(ErrorCodes.NotEligible, election, Voters.Holding(roles, _clock), election.Candidates[0].Id, FirstVoteOnRoll);
    }

    [Fact]
    public void Casting_by_a_voter_not_on_the_roll_is_refused()
    {
        var election = OpenWithRoll();

        RefusedWithoutVote(ErrorCodes.NotEligible, election, Voters.Registered(_clock), election.Candidates[0].Id, FirstVote);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Casting_a_second_time_is_refused(bool rollMode)
    {
        var election = rollMode ? OpenWithRoll() : TestElection.Open(_clock);

        RefusedWithoutVote(
            ErrorCodes.AlreadyVoted, election, Voters.Registered(_clock), election.Candidates[0].Id, new VoterStanding(HasVoted: true, OnVoterRoll: true));
    }

    [Fact]
    public void Casting_for_a_candidate_of_another_election_is_refused()
    {
        var election = TestElection.Open(_clock);
        var other = TestElection.Draft(new FakeClock(TestElection.CreatedAt));

        RefusedWithoutVote(ErrorCodes.NotFound, election, Voters.Registered(_clock), other.Candidates[0].Id, FirstVote);
    }

    [Fact]
    public void Casting_for_an_unknown_candidate_is_refused()
    {
        var election = TestElection.Open(_clock);

        RefusedWithoutVote(ErrorCodes.NotFound, election, Voters.Registered(_clock), CandidateId.New(), FirstVote);
    }

    [Fact]
    public void A_closed_election_refuses_before_it_looks_at_the_voter()
    {
        var election = TestElection.InStatus(ElectionStatus.Closed, _clock);

        RefusedWithoutVote(
            ErrorCodes.ElectionNotOpen, election, Voters.Holding(Role.None, _clock), CandidateId.New(), new VoterStanding(HasVoted: true, OnVoterRoll: false));
    }

    [Fact]
    public void Eligibility_is_checked_before_whether_the_voter_already_voted()
    {
        var election = OpenWithRoll();

        RefusedWithoutVote(
            ErrorCodes.NotEligible, election, Voters.Registered(_clock), election.Candidates[0].Id, new VoterStanding(HasVoted: true, OnVoterRoll: false));
    }

    [Fact]
    public void Having_voted_is_checked_before_the_choice()
    {
        var election = TestElection.Open(_clock);

        RefusedWithoutVote(
            ErrorCodes.AlreadyVoted, election, Voters.Registered(_clock), CandidateId.New(), new VoterStanding(HasVoted: true, OnVoterRoll: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void A_sequence_below_one_is_refused(long sequence)
    {
        var election = TestElection.Open(_clock);
        var before = State.Of(election);

        var refusal = Assert.Throws<ArgumentOutOfRangeException>(
            () => election.CastVote(Voters.Registered(_clock), BallotChoice.Single(election.Candidates[0].Id), FirstVote, sequence, _clock));

        Assert.Equal("sequence", refusal.ParamName);
        Assert.Equal(before, State.Of(election));
    }

    [Fact]
    public void Casting_with_no_choice_or_standing_is_refused()
    {
        var election = TestElection.Open(_clock);
        var voter = Voters.Registered(_clock);
        var choice = BallotChoice.Single(election.Candidates[0].Id);

        Assert.Throws<ArgumentNullException>(() => election.CastVote(voter, null!, FirstVote, 1, _clock));
        Assert.Throws<ArgumentNullException>(() => election.CastVote(voter, choice, null!, 1, _clock));
        Assert.Empty(election.DomainEvents);
    }

    [Fact]
    public void Checking_a_vote_that_may_be_cast_raises_nothing()
    {
        var election = TestElection.Open(_clock);
        var before = State.Of(election);

        election.EnsureCanCast(Voters.Registered(_clock), BallotChoice.Single(election.Candidates[0].Id), FirstVote, _clock);
        election.EnsureTakingVotes(_clock);

        Assert.Equal(before, State.Of(election));
    }

    private Election OpenWithRoll()
    {
        var election = TestElection.Draft(_clock);
        election.SetVoterRoll(VoterRoll.Create([CitizenIds.Unique()]));
        TestElection.Advance(election, ElectionStatus.Open, _clock);
        return election;
    }

    /// <summary>Both the check and the cast refuse with <paramref name="code"/>, and no vote leaves a trace on the election.</summary>
    private void RefusedWithoutVote(string code, Election election, User voter, CandidateId candidate, VoterStanding standing)
    {
        var choice = BallotChoice.Single(candidate);

        Refused.WithoutChange(code, election, () => election.EnsureCanCast(voter, choice, standing, _clock));
        Refused.WithoutChange(code, election, () => election.CastVote(voter, choice, standing, 1, _clock));
        if (code == ErrorCodes.ElectionNotOpen)
        {
            // The voter-independent check the handler makes before queueing says the same.
            Refused.WithoutChange(code, election, () => election.EnsureTakingVotes(_clock));
        }
    }
}
