using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Elections;

/// <summary>Draft → Scheduled → Open → Closed → ResultsPublished, and Cancelled from any state before Closed.</summary>
public sealed class ElectionLifecycleTests
{
    private readonly FakeClock _clock = TestElection.Clock();

    public static TheoryData<ElectionStatus> CancellableStatuses =>
        new(ElectionStatus.Draft, ElectionStatus.Scheduled, ElectionStatus.Open);

    public static TheoryData<ElectionStatus> NotDraft => Except(ElectionStatus.Draft);

    public static TheoryData<ElectionStatus> NotScheduled => Except(ElectionStatus.Scheduled);

    public static TheoryData<ElectionStatus> NotOpen => Except(ElectionStatus.Open);

    public static TheoryData<ElectionStatus> NotClosed => Except(ElectionStatus.Closed);

    public static TheoryData<ElectionStatus> NotCancellable =>
        new(ElectionStatus.Closed, ElectionStatus.ResultsPublished, ElectionStatus.Cancelled);

    [Fact]
    public void An_election_runs_from_draft_to_published_results_raising_one_event_per_step()
    {
        var election = TestElection.Draft(_clock);
        var scheduledAt = TestElection.CreatedAt.AddMinutes(5);
        var publishedAt = TestElection.AfterClosing.AddHours(2);

        _clock.UtcNow = scheduledAt;
        election.Schedule(_clock);
        _clock.UtcNow = TestElection.DuringVoting;
        election.Open(_clock);
        _clock.UtcNow = TestElection.AfterClosing;
        election.Close(_clock, registeredVoters: 3);
        _clock.UtcNow = publishedAt;
        election.PublishResults(_clock);

        Assert.Equal(ElectionStatus.ResultsPublished, election.Status);
        Assert.Equal(
            [
                new ElectionScheduled(election.Id, scheduledAt),
                new ElectionOpened(election.Id, TestElection.DuringVoting),
                new ElectionClosed(election.Id, TestElection.AfterClosing),
                new ElectionResultsPublished(election.Id, publishedAt),
            ],
            election.DomainEvents);
        Assert.Equal(TestElection.DuringVoting, election.OpenedAt);
        Assert.Equal(TestElection.AfterClosing, election.ClosedAt);
        Assert.Equal(publishedAt, election.ResultsPublishedAt);
        Assert.Null(election.CancelledAt);
    }

    [Fact]
    public void Scheduling_a_draft_moves_it_to_scheduled()
    {
        var election = TestElection.Draft(_clock);
        var version = election.Version;

        election.Schedule(_clock);

        Assert.Equal(ElectionStatus.Scheduled, election.Status);
        Assert.Equal(version + 1, election.Version);
        Assert.Equal([new ElectionScheduled(election.Id, TestElection.CreatedAt)], election.DomainEvents);
        Assert.False(election.IsFrozen);
    }

    [Fact]
    public void Scheduling_after_the_opening_time_but_before_the_closing_time_is_allowed()
    {
        var election = TestElection.Draft(_clock);
        _clock.UtcNow = TestElection.ClosesAt.AddTicks(-1);

        election.Schedule(_clock);

        Assert.Equal(ElectionStatus.Scheduled, election.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Scheduling_without_two_candidates_is_refused(int candidates)
    {
        var election = TestElection.Draft(_clock, candidates);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Schedule(_clock));
    }

    [Fact]
    public void Scheduling_with_an_empty_voter_roll_is_refused()
    {
        var election = TestElection.Draft(_clock);
        TestElection.ForceEmptyVoterRoll(election);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Schedule(_clock));
    }

    [Fact]
    public void Scheduling_with_a_voter_roll_is_allowed()
    {
        var election = TestElection.Draft(_clock);
        election.SetVoterRoll(VoterRoll.Create([CitizenIds.Unique()]));

        election.Schedule(_clock);

        Assert.Equal(ElectionStatus.Scheduled, election.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60 * 60 * 24)]
    public void Scheduling_once_the_closing_time_has_come_is_refused(int secondsAfterClosing)
    {
        var election = TestElection.Draft(_clock);
        _clock.UtcNow = TestElection.ClosesAt.AddSeconds(secondsAfterClosing);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Schedule(_clock));
    }

    [Theory]
    [MemberData(nameof(NotDraft))]
    public void Scheduling_anything_but_a_draft_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        _clock.UtcNow = TestElection.CreatedAt;

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Schedule(_clock));
    }

    [Fact]
    public void Opening_a_scheduled_election_at_its_opening_time_opens_it()
    {
        var election = TestElection.InStatus(ElectionStatus.Scheduled, _clock);
        var version = election.Version;
        _clock.UtcNow = TestElection.OpensAt;

        election.Open(_clock);

        Assert.Equal(ElectionStatus.Open, election.Status);
        Assert.Equal(TestElection.OpensAt, election.OpenedAt);
        Assert.Equal(version + 1, election.Version);
        Assert.Equal([new ElectionOpened(election.Id, TestElection.OpensAt)], election.DomainEvents);
        Assert.True(election.IsFrozen);
    }

    [Fact]
    public void Opening_just_before_the_closing_time_is_allowed()
    {
        var election = TestElection.InStatus(ElectionStatus.Scheduled, _clock);
        _clock.UtcNow = TestElection.ClosesAt.AddTicks(-1);

        election.Open(_clock);

        Assert.Equal(ElectionStatus.Open, election.Status);
    }

    [Fact]
    public void Opening_before_the_opening_time_is_refused()
    {
        var election = TestElection.InStatus(ElectionStatus.Scheduled, _clock);
        _clock.UtcNow = TestElection.OpensAt.AddTicks(-1);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Open(_clock));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60 * 60 * 24)]
    public void Opening_once_the_closing_time_has_come_is_refused(int secondsAfterClosing)
    {
        var election = TestElection.InStatus(ElectionStatus.Scheduled, _clock);
        _clock.UtcNow = TestElection.ClosesAt.AddSeconds(secondsAfterClosing);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Open(_clock));
    }

    [Fact]
    public void Opening_without_two_candidates_is_refused()
    {
        var election = TestElection.InStatus(ElectionStatus.Scheduled, _clock);
        election.RemoveCandidate(election.Candidates[0].Id);
        _clock.UtcNow = TestElection.DuringVoting;

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Open(_clock));
    }

    [Fact]
    public void Opening_with_an_empty_voter_roll_is_refused()
    {
        var election = TestElection.InStatus(ElectionStatus.Scheduled, _clock);
        TestElection.ForceEmptyVoterRoll(election);
        _clock.UtcNow = TestElection.DuringVoting;

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Open(_clock));
    }

    [Theory]
    [MemberData(nameof(NotScheduled))]
    public void Opening_anything_but_a_scheduled_election_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        _clock.UtcNow = TestElection.DuringVoting;

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Open(_clock));
    }

    [Fact]
    public void Closing_an_open_election_at_its_closing_time_closes_it()
    {
        var election = TestElection.Open(_clock);
        var version = election.Version;
        _clock.UtcNow = TestElection.ClosesAt;

        election.Close(_clock, registeredVoters: 3);

        Assert.Equal(ElectionStatus.Closed, election.Status);
        Assert.Equal(TestElection.ClosesAt, election.ClosedAt);
        Assert.Equal(version + 1, election.Version);
        Assert.Equal([new ElectionClosed(election.Id, TestElection.ClosesAt)], election.DomainEvents);
        Assert.True(election.IsFrozen);
    }

    [Fact]
    public void Closing_fixes_the_electorate_at_the_registered_voters_given()
    {
        var election = TestElection.Open(_clock);
        _clock.UtcNow = TestElection.ClosesAt;

        election.Close(_clock, registeredVoters: 1234);

        Assert.Equal(1234, election.Electorate);
    }

    [Fact]
    public void Closing_a_roll_election_fixes_the_electorate_at_the_roll_size()
    {
        var election = TestElection.Draft(_clock);
        election.SetVoterRoll(VoterRoll.Create([CitizenIds.Unique(), CitizenIds.Unique()]));
        TestElection.Advance(election, ElectionStatus.Open, _clock);
        _clock.UtcNow = TestElection.ClosesAt;

        election.Close(_clock, registeredVoters: 1234);

        Assert.Equal(2, election.Electorate);
    }

    [Fact]
    public void Closing_with_a_negative_count_of_voters_is_a_programming_error()
    {
        var election = TestElection.Open(_clock);
        _clock.UtcNow = TestElection.ClosesAt;

        Assert.Throws<ArgumentOutOfRangeException>(() => election.Close(_clock, registeredVoters: -1));
        Assert.Equal(ElectionStatus.Open, election.Status);
    }

    [Fact]
    public void Closing_before_the_closing_time_is_refused()
    {
        var election = TestElection.Open(_clock);
        _clock.UtcNow = TestElection.ClosesAt.AddTicks(-1);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Close(_clock, registeredVoters: 3));
    }

    [Theory]
    [MemberData(nameof(NotOpen))]
    public void Closing_anything_but_an_open_election_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        _clock.UtcNow = TestElection.AfterClosing;

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Close(_clock, registeredVoters: 3));
    }

    [Fact]
    public void Publishing_the_results_of_a_closed_election_publishes_them()
    {
        var election = TestElection.InStatus(ElectionStatus.Closed, _clock);
        var version = election.Version;
        var now = TestElection.AfterClosing.AddMinutes(30);
        _clock.UtcNow = now;

        election.PublishResults(_clock);

        Assert.Equal(ElectionStatus.ResultsPublished, election.Status);
        Assert.Equal(now, election.ResultsPublishedAt);
        Assert.Equal(version + 1, election.Version);
        Assert.Equal([new ElectionResultsPublished(election.Id, now)], election.DomainEvents);
    }

    [Theory]
    [MemberData(nameof(NotClosed))]
    public void Publishing_the_results_of_anything_but_a_closed_election_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        _clock.UtcNow = TestElection.AfterClosing;

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.PublishResults(_clock));
    }

    [Theory]
    [MemberData(nameof(CancellableStatuses))]
    public void Cancelling_before_closing_cancels_the_election(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);
        var version = election.Version;
        var now = _clock.UtcNow.AddMinutes(3);
        _clock.UtcNow = now;

        election.Cancel(_clock);

        Assert.Equal(ElectionStatus.Cancelled, election.Status);
        Assert.Equal(now, election.CancelledAt);
        Assert.Equal(version + 1, election.Version);
        Assert.Equal([new ElectionCancelled(election.Id, now)], election.DomainEvents);
        Assert.True(election.IsFrozen);
    }

    [Theory]
    [MemberData(nameof(NotCancellable))]
    public void Cancelling_a_closed_published_or_cancelled_election_is_refused(ElectionStatus status)
    {
        var election = TestElection.InStatus(status, _clock);

        Refused.WithoutChange(ErrorCodes.InvalidState, election, () => election.Cancel(_clock));
    }

    [Theory]
    [InlineData(ElectionStatus.Draft, false)]
    [InlineData(ElectionStatus.Scheduled, false)]
    [InlineData(ElectionStatus.Open, true)]
    [InlineData(ElectionStatus.Closed, true)]
    [InlineData(ElectionStatus.ResultsPublished, true)]
    [InlineData(ElectionStatus.Cancelled, true)]
    public void An_election_is_frozen_from_opening_on(ElectionStatus status, bool frozen)
    {
        Assert.Equal(frozen, TestElection.InStatus(status, _clock).IsFrozen);
    }

    [Fact]
    public void Clearing_domain_events_forgets_the_raised_events()
    {
        var election = TestElection.Draft(_clock);
        election.Schedule(_clock);
        Assert.NotEmpty(election.DomainEvents);

        election.ClearDomainEvents();

        Assert.Empty(election.DomainEvents);
    }

    private static TheoryData<ElectionStatus> Except(ElectionStatus allowed) =>
        new(Enum.GetValues<ElectionStatus>().Where(s => s != allowed));
}
