using Voting.Domain.Ballots;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Elections.Events;

/// <summary>A batch's VoteCast events as one: choices in sequence order, no voter, the latest hour.</summary>
public sealed class VotesCastTests
{
    private static readonly ElectionId Election = ElectionId.New();
    private static readonly CandidateId Park = CandidateId.New();
    private static readonly CandidateId Library = CandidateId.New();
    private static readonly DateTimeOffset Ten = new(2030, 5, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Combining_orders_the_choices_by_sequence_and_keeps_the_latest_hour()
    {
        VoteCast[] votes =
        [
            new(Election, Library, 8, Ten.AddHours(1)),
            new(Election, Park, 7, Ten),
            new(Election, Park, 9, Ten.AddHours(1)),
        ];

        var combined = VotesCast.Combine(votes);

        Assert.Equal((Election, 7L, 9L, Ten.AddHours(1)), (combined.ElectionId, combined.FirstSequence, combined.LastSequence, combined.OccurredAt));
        Assert.Equal([Park, Library, Park], combined.Candidates);
    }

    [Fact]
    public void Votes_with_a_gap_or_of_two_elections_are_not_combined()
    {
        Assert.Throws<ArgumentException>(() => VotesCast.Combine([new VoteCast(Election, Park, 1, Ten), new VoteCast(Election, Park, 3, Ten)]));
        Assert.Throws<ArgumentException>(() => VotesCast.Combine([new VoteCast(Election, Park, 1, Ten), new VoteCast(ElectionId.New(), Park, 2, Ten)]));
        Assert.Throws<ArgumentException>(() => VotesCast.Combine([new VoteCast(Election, Park, 1, Ten), new VoteCast(Election, Library, 1, Ten)]));
        Assert.Throws<ArgumentException>(() => VotesCast.Combine([]));
    }

    [Fact]
    public void A_lone_vote_is_a_batch_of_one()
    {
        var one = VotesCast.Of(new VoteCast(Election, Library, 4, Ten));

        Assert.Equal((4L, 4L), (one.FirstSequence, one.LastSequence));
        Assert.Equal([Library], one.Candidates);
    }

    [Fact]
    public void VotesCast_holds_the_election_the_sequences_the_choices_and_the_hour_and_no_voter()
    {
        var clock = TestElection.Clock();
        var election = TestElection.Open(clock);
        var choice = election.Candidates[0].Id;
        election.CastVote(Voters.Registered(clock), BallotChoice.Single(choice), new VoterStanding(false, false), 1, clock);

        var combined = VotesCast.Combine(election.DomainEvents.OfType<VoteCast>().ToList());

        Assert.Equal([choice], combined.Candidates);
        Assert.Equal(
            [nameof(VotesCast.Candidates), nameof(VotesCast.ElectionId), nameof(VotesCast.FirstSequence), nameof(VotesCast.LastSequence), nameof(VotesCast.OccurredAt)],
            typeof(VotesCast).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
