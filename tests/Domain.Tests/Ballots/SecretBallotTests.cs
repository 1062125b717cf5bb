using System.Reflection;
using Voting.Domain.Ballots;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Ballots;

/// <summary>
/// A vote yields a <see cref="Participation"/> (who took part) and a <see cref="Ballot"/> (what was
/// chosen) that nothing links: the only value they share is the election.
/// </summary>
public sealed class SecretBallotTests
{
    private readonly FakeClock _clock = TestElection.Clock();

    [Fact]
    public void Participation_and_ballot_share_no_value_but_the_election()
    {
        var (election, voter, result) = CastOne();

        var shared = Values(result.Participation).Intersect(Values(result.Ballot)).ToList();

        Assert.Equal([election.Id.Value], shared);
        Assert.DoesNotContain(voter.Id.Value, Values(result.Ballot));
        Assert.DoesNotContain(voter.CitizenId.Value, Values(result.Ballot));
    }

    [Fact]
    public void Participation_holds_only_the_election_the_voter_and_the_hour()
    {
        Assert.Equal(
            [nameof(Participation.ElectionId), nameof(Participation.VotedAt), nameof(Participation.VoterId)],
            PropertyNames<Participation>());
    }

    [Fact]
    public void Ballot_holds_no_voter_and_no_time()
    {
        Assert.Equal(
            [nameof(Ballot.CandidateId), nameof(Ballot.ElectionId), nameof(Ballot.ReceiptHash), nameof(Ballot.Sequence)],
            PropertyNames<Ballot>());
        Assert.DoesNotContain(
            typeof(Ballot).GetProperties(),
            p => p.PropertyType == typeof(UserId) || p.PropertyType == typeof(CitizenId) || p.PropertyType == typeof(DateTimeOffset));
    }

    [Fact]
    public void Participation_holds_no_sequence_receipt_or_candidate()
    {
        var (_, _, result) = CastOne(sequence: 123_456);
        var values = Values(result.Participation).ToList();

        Assert.DoesNotContain(123_456L, values);
        Assert.DoesNotContain(result.Receipt.Hash, values);
        Assert.DoesNotContain(result.Receipt.Value, values);
        Assert.DoesNotContain(result.Ballot.CandidateId.Value, values);
    }

    [Fact]
    public void Participation_time_is_truncated_to_the_hour()
    {
        _clock.UtcNow = TestElection.DuringVoting;
        var (_, _, result) = CastOne();

        var hour = TestElection.DuringVoting;
        Assert.Equal(new DateTimeOffset(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, TimeSpan.Zero), result.Participation.VotedAt);
        Assert.NotEqual(TestElection.DuringVoting, result.Participation.VotedAt);
    }

    [Fact]
    public void Participation_time_is_kept_in_utc_whatever_the_clock_offset()
    {
        var election = TestElection.Open(_clock);
        var bangkok = new FakeClock(new DateTimeOffset(2030, 5, 3, 0, 30, 15, TimeSpan.FromHours(7)));

        var result = election.CastVote(Voters.Registered(bangkok), BallotChoice.Single(election.Candidates[0].Id), new VoterStanding(false, false), 1, bangkok);

        Assert.Equal(new DateTimeOffset(2030, 5, 2, 17, 0, 0, TimeSpan.Zero), result.Participation.VotedAt);
        Assert.Equal(TimeSpan.Zero, result.Participation.VotedAt.Offset);
    }

    [Fact]
    public void VoteCast_names_the_sequence_and_never_the_voter()
    {
        var (election, voter, result) = CastOne(sequence: 9);
        var voteCast = Assert.IsType<VoteCast>(Assert.Single(election.DomainEvents));

        Assert.Equal(9, voteCast.Sequence);
        Assert.Equal(result.Ballot.CandidateId, voteCast.CandidateId);
        Assert.DoesNotContain(voter.Id.Value, Values(voteCast));
        Assert.DoesNotContain(voter.CitizenId.Value, Values(voteCast));
        Assert.DoesNotContain(
            typeof(VoteCast).GetProperties(),
            p => p.PropertyType == typeof(UserId) || p.PropertyType == typeof(CitizenId));
    }

    [Fact]
    public void Every_vote_gets_a_fresh_receipt()
    {
        var election = TestElection.Open(_clock);
        var choice = BallotChoice.Single(election.Candidates[0].Id);

        var first = election.CastVote(Voters.Registered(_clock), choice, new VoterStanding(false, false), 1, _clock);
        var second = election.CastVote(Voters.Registered(_clock), choice, new VoterStanding(false, false), 2, _clock);

        Assert.NotEqual(first.Receipt, second.Receipt);
        Assert.NotEqual(first.Ballot.ReceiptHash, second.Ballot.ReceiptHash);
    }

    private (Election Election, User Voter, CastVoteResult Result) CastOne(long sequence = 1)
    {
        var election = TestElection.Open(_clock);
        var voter = Voters.Registered(_clock);
        var result = election.CastVote(voter, BallotChoice.Single(election.Candidates[0].Id), new VoterStanding(false, false), sequence, _clock);
        return (election, voter, result);
    }

    private static List<string> PropertyNames<T>() =>
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal)];

    /// <summary>The values of every public property, with strongly typed IDs unwrapped to what they hold.</summary>
    private static IEnumerable<object> Values(object subject) =>
        subject.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => Unwrap(p.GetValue(subject)))
            .OfType<object>();

    private static object? Unwrap(object? value) =>
        value is UserId or ElectionId or CandidateId or CitizenId
            ? value.GetType().GetProperty("Value")!.GetValue(value)
            : value;
}
