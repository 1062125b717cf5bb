using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Elections;

/// <summary>Creating an election and editing its title, description, times and results visibility.</summary>
public sealed class ElectionDetailsTests
{
    private static readonly DateTimeOffset NewOpensAt = TestElection.OpensAt.AddDays(7);
    private static readonly DateTimeOffset NewClosesAt = TestElection.ClosesAt.AddDays(7);

    private readonly FakeClock _clock = TestElection.Clock();

    public static TheoryData<ElectionStatus> EditableStatuses => new(ElectionStatus.Draft, ElectionStatus.Scheduled);

    public static TheoryData<ElectionStatus> FrozenStatuses =>
        new(ElectionStatus.Open, ElectionStatus.Closed, ElectionStatus.ResultsPublished, ElectionStatus.Cancelled);

    [Fact]
    public void Creating_an_election_makes_a_draft_open_to_all_registered_voters()
    {
        var election = Election.Create(
            "  Student council 2030  ",
            "  The yearly vote.  ",
            TestElection.OpensAt,
            TestElection.ClosesAt,
            BallotKind.SingleChoice,
            ResultsVisibility.AfterClose,
            TestElection.Officer,
            _clock);

        Assert.NotEqual(Guid.Empty, election.Id.Value);
        Assert.Equal("Student council 2030", election.Title);
        Assert.Equal("The yearly vote.", election.Description);
        Assert.Equal(TestElection.OpensAt, election.OpensAt);
        Assert.Equal(TestElection.ClosesAt, election.ClosesAt);
        Assert.Equal(ElectionStatus.Draft, election.Status);
        Assert.Equal(BallotKind.SingleChoice, election.BallotKind);
        Assert.Equal(ResultsVisibility.AfterClose, election.ResultsVisibility);
        Assert.Equal(EligibilityMode.AllRegisteredVoters, election.Eligibility);
        Assert.Null(election.VoterRollHash);
        Assert.Equal(0, election.VoterRollSize);
        Assert.Equal(TestElection.Officer, election.CreatedBy);
        Assert.Equal(TestElection.CreatedAt, election.CreatedAt);
        Assert.Null(election.OpenedAt);
        Assert.Null(election.ClosedAt);
        Assert.Null(election.CancelledAt);
        Assert.Null(election.ResultsPublishedAt);
        Assert.Equal(0, election.Version);
        Assert.Empty(election.Candidates);
        Assert.False(election.IsFrozen);
        Assert.Empty(election.DomainEvents);
    }

    [Fact]
    public void Each_election_gets_its_own_id()
    {
        Assert.NotEqual(TestElection.Create(_clock).Id, TestElection.Create(_clock).Id);
    }

    [Fact]
    public void A_missing_description_becomes_empty()
    {
        var election = Election.Create(
            "Title", null, TestElection.OpensAt, TestElection.ClosesAt, BallotKind.SingleChoice, ResultsVisibility.Live, TestElection.Officer, _clock);

        Assert.Equal(string.Empty, election.Description);
    }

    [Fact]
    public void An_opening_time_already_past_is_accepted_while_the_closing_time_is_ahead()
    {
        var election = TestElection.Create(_clock, opensAt: TestElection.CreatedAt.AddHours(-1));

        Assert.Equal(TestElection.CreatedAt.AddHours(-1), election.OpensAt);
    }

    [Theory]
    [MemberData(nameof(InvalidDetails))]
    public void Creating_with_invalid_details_is_refused(Details details)
    {
        Refused.With(
            ErrorCodes.Validation,
            () => Election.Create(
                details.Title!,
                details.Description,
                details.OpensAt,
                details.ClosesAt,
                BallotKind.SingleChoice,
                details.Visibility,
                TestElection.Officer,
                _clock));
    }

    [Fact]
    public void Creating_with_an_unknown_ballot_kind_is_refused()
    {
        Refused.With(
            ErrorCodes.Validation,
            () => Election.Create(
                TestElection.Title,
                null,
                TestElection.OpensAt,
                TestElection.ClosesAt,
                (BallotKind)99,
                ResultsVisibility.Live,
                TestElection.Officer,
                _clock));
    }

    [Theory]
    [MemberData(nameof(EditableStatuses))]
    public void Updating_the_details_before_opening_replaces_them(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        var version = election.Version;

        election.UpdateDetails(" New title ", " New description ", NewOpensAt, NewClosesAt, ResultsVisibility.AfterClose, _clock);

        Assert.Equal("New title", election.Title);
        Assert.Equal("New description", election.Description);
        Assert.Equal(NewOpensAt, election.OpensAt);
        Assert.Equal(NewClosesAt, election.ClosesAt);
        Assert.Equal(ResultsVisibility.AfterClose, election.ResultsVisibility);
        Assert.Equal(status, election.Status);
        Assert.Equal(version + 1, election.Version);
        Assert.Empty(election.DomainEvents);
    }

    [Theory]
    [MemberData(nameof(FrozenStatuses))]
    public void Updating_the_details_once_open_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        _clock.UtcNow = TestElection.CreatedAt;

        Refused.WithoutChange(
            ErrorCodes.InvalidState,
            election,
            () => election.UpdateDetails("New title", null, NewOpensAt, NewClosesAt, ResultsVisibility.Live, _clock));
    }

    [Theory]
    [MemberData(nameof(InvalidDetails))]
    public void Updating_with_invalid_details_is_refused_and_changes_nothing(Details details)
    {
        var election = TestElection.Draft(_clock);

        Refused.WithoutChange(
            ErrorCodes.Validation,
            election,
            () => election.UpdateDetails(details.Title!, details.Description, details.OpensAt, details.ClosesAt, details.Visibility, _clock));
    }

    [Fact]
    public void Details_at_their_maximum_lengths_are_accepted()
    {
        var title = new string('t', Election.MaxTitleLength);
        var description = new string('d', Election.MaxDescriptionLength);
        var election = TestElection.Draft(_clock);

        election.UpdateDetails(title, description, NewOpensAt, NewClosesAt, ResultsVisibility.Live, _clock);

        Assert.Equal(title, election.Title);
        Assert.Equal(description, election.Description);
    }

    public static TheoryData<Details> InvalidDetails
    {
        get
        {
            var valid = new Details("New title", "New description", NewOpensAt, NewClosesAt, ResultsVisibility.Live);
            var bangkok = TimeSpan.FromHours(7);
            return new TheoryData<Details>(
                valid with { Title = null },
                valid with { Title = string.Empty },
                valid with { Title = "   " },
                valid with { Title = new string('t', Election.MaxTitleLength + 1) },
                valid with { Title = "Bell\u0007title" },
                valid with { Title = "Null\0title" },
                valid with { Description = new string('d', Election.MaxDescriptionLength + 1) },
                valid with { Description = "Escape\u001B[31m" },
                valid with { OpensAt = NewOpensAt.ToOffset(bangkok) },
                valid with { ClosesAt = NewClosesAt.ToOffset(bangkok) },
                valid with { ClosesAt = NewOpensAt },
                valid with { ClosesAt = NewOpensAt.AddTicks(-1) },
                valid with { OpensAt = TestElection.CreatedAt.AddDays(-2), ClosesAt = TestElection.CreatedAt.AddDays(-1) },
                valid with { OpensAt = TestElection.CreatedAt.AddDays(-2), ClosesAt = TestElection.CreatedAt },
                valid with { Visibility = (ResultsVisibility)2 },
                valid with { Visibility = (ResultsVisibility)(-1) });
        }
    }

    /// <summary>One set of editable details; <see cref="ToString"/> names the case in the test explorer.</summary>
    public sealed record Details(string? Title, string? Description, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, ResultsVisibility Visibility);
}
