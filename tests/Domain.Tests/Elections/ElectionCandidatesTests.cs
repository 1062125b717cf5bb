using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Elections;

public sealed class ElectionCandidatesTests
{
    private readonly FakeClock _clock = TestElection.Clock();

    public static TheoryData<ElectionStatus> EditableStatuses => new(ElectionStatus.Draft, ElectionStatus.Scheduled);

    public static TheoryData<ElectionStatus> FrozenStatuses =>
        new(ElectionStatus.Open, ElectionStatus.Closed, ElectionStatus.ResultsPublished, ElectionStatus.Cancelled);

    [Theory]
    [MemberData(nameof(EditableStatuses))]
    public void Adding_a_candidate_before_opening_puts_it_on_the_ballot(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        var version = election.Version;

        var candidate = election.AddCandidate("  Ada Lovelace ", "  Analytical Party  ");

        Assert.Equal("Ada Lovelace", candidate.Name);
        Assert.Equal("Analytical Party", candidate.Description);
        Assert.Equal(election.Id, candidate.ElectionId);
        Assert.NotEqual(Guid.Empty, candidate.Id.Value);
        Assert.Same(candidate, election.Candidates[^1]);
        Assert.Equal(version + 1, election.Version);
        Assert.Empty(election.DomainEvents);
    }

    [Fact]
    public void Candidates_are_numbered_in_the_order_they_are_added()
    {
        var election = TestElection.Draft(_clock, candidates: 0);

        var first = election.AddCandidate("First", null);
        var second = election.AddCandidate("Second", null);
        var third = election.AddCandidate("Third", null);

        Assert.Equal([1, 2, 3], [first.DisplayOrder, second.DisplayOrder, third.DisplayOrder]);
        Assert.Equal([first, second, third], election.Candidates);
        Assert.Equal(string.Empty, first.Description);
    }

    [Fact]
    public void A_given_display_order_is_kept_and_the_next_candidate_follows_the_highest()
    {
        var election = TestElection.Draft(_clock, candidates: 0);

        var tenth = election.AddCandidate("Tenth", null, 10);
        var zeroth = election.AddCandidate("Zeroth", null, 0);
        var next = election.AddCandidate("Next", null);

        Assert.Equal(10, tenth.DisplayOrder);
        Assert.Equal(0, zeroth.DisplayOrder);
        Assert.Equal(11, next.DisplayOrder);
    }

    [Fact]
    public void When_the_highest_display_order_is_taken_the_next_must_be_given()
    {
        var election = TestElection.Draft(_clock, candidates: 0);
        election.AddCandidate("Last", null, int.MaxValue);

        Refused.WithoutChange(ErrorCodes.Validation, election, () => election.AddCandidate("Next", null));
        Assert.Equal(5, election.AddCandidate("Next", null, 5).DisplayOrder);
    }

    [Fact]
    public void Each_candidate_gets_its_own_id()
    {
        var election = TestElection.Draft(_clock);

        Assert.NotEqual(election.Candidates[0].Id, election.Candidates[1].Id);
    }

    [Fact]
    public void A_negative_display_order_is_refused()
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, election, () => election.AddCandidate("Negative", null, -1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bell\u0007name")]
    public void A_candidate_without_a_proper_name_is_refused(string? name)
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, election, () => election.AddCandidate(name!, null));
    }

    [Fact]
    public void A_name_and_description_at_their_maximum_lengths_are_accepted()
    {
        var election = TestElection.Draft(_clock);
        var name = new string('n', Candidate.MaxNameLength);
        var description = new string('d', Candidate.MaxDescriptionLength);

        var candidate = election.AddCandidate(name, description);

        Assert.Equal(name, candidate.Name);
        Assert.Equal(description, candidate.Description);
    }

    [Fact]
    public void A_name_over_the_maximum_length_is_refused()
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(
            ErrorCodes.Validation, election, () => election.AddCandidate(new string('n', Candidate.MaxNameLength + 1), null));
    }

    [Theory]
    [InlineData(Candidate.MaxDescriptionLength + 1)]
    [InlineData(Candidate.MaxDescriptionLength * 2)]
    public void A_description_over_the_maximum_length_is_refused(int length)
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, election, () => election.AddCandidate("Long winded", new string('d', length)));
    }

    [Fact]
    public void A_description_with_control_characters_is_refused()
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, election, () => election.AddCandidate("Escaper", "Red\u001B[31m"));
    }

    [Theory]
    [InlineData("Candidate 1")]
    [InlineData("CANDIDATE 1")]
    [InlineData("candidate 1")]
    [InlineData("  Candidate 1  ")]
    public void A_second_candidate_with_the_same_name_is_refused(string name)
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(ErrorCodes.Validation, election, () => election.AddCandidate(name, "Another party"));
    }

    [Fact]
    public void An_election_takes_up_to_the_maximum_number_of_candidates_and_no_more()
    {
        var election = TestElection.Draft(_clock, candidates: 0);
        for (var i = 0; i < Election.MaxCandidates; i++)
        {
            election.AddCandidate($"Candidate {i}", null);
        }

        Assert.Equal(Election.MaxCandidates, election.Candidates.Count);
        Refused.WithoutChange(ErrorCodes.Validation, election, () => election.AddCandidate("One too many", null));
    }

    [Theory]
    [MemberData(nameof(FrozenStatuses))]
    public void Adding_a_candidate_once_open_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.AddCandidate("Latecomer", null));
    }

    [Theory]
    [MemberData(nameof(EditableStatuses))]
    public void Removing_a_candidate_before_opening_takes_it_off_the_ballot(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        var removed = election.Candidates[0];
        var kept = election.Candidates[1];
        var version = election.Version;

        election.RemoveCandidate(removed.Id);

        Assert.Equal([kept], election.Candidates);
        Assert.Equal(version + 1, election.Version);
    }

    [Fact]
    public void A_removed_candidates_name_can_be_used_again()
    {
        var election = TestElection.Draft(_clock);
        var removed = election.Candidates[0];

        election.RemoveCandidate(removed.Id);
        var again = election.AddCandidate(removed.Name, null);

        Assert.NotEqual(removed.Id, again.Id);
    }

    [Fact]
    public void Removing_an_unknown_candidate_is_refused()
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(ErrorCodes.NotFound, election, () => election.RemoveCandidate(CandidateId.New()));
    }

    [Fact]
    public void Removing_a_candidate_of_another_election_is_refused()
    {
        var election = TestElection.Draft(_clock);
        var other = TestElection.Draft(new FakeClock(TestElection.CreatedAt));

        Refused.WithoutChange(ErrorCodes.NotFound, election, () => election.RemoveCandidate(other.Candidates[0].Id));
    }

    [Theory]
    [MemberData(nameof(FrozenStatuses))]
    public void Removing_a_candidate_once_open_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.RemoveCandidate(election.Candidates[0].Id));
    }
}
