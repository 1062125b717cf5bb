using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Voting.Application.Abstractions;
using Voting.Application.Elections.AdvanceScheduledElections;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Xunit;

namespace Voting.Application.Tests.Elections.AdvanceScheduledElections;

public sealed class AdvanceScheduledElectionsHandlerTests
{
    private readonly IElectionSchedule _schedule = Substitute.For<IElectionSchedule>();
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Due_elections_are_opened_and_closed_each_in_its_own_save_and_the_next_due_time_is_returned()
    {
        var toClose = TestElections.Open(_clock, ResultsVisibility.Live);
        var toOpen = TestElections.Scheduled(new FakeClock(toClose.ClosesAt - TimeSpan.FromHours(2)));
        _clock.Set(toClose.ClosesAt);
        Due(toOpen, toClose);
        var next = _clock.UtcNow.AddMinutes(30);
        _schedule.NextDueAtAsync(_clock.UtcNow, Arg.Any<CancellationToken>()).Returns(next);
        _queries.CountRegisteredVotersAsync(Arg.Any<CancellationToken>()).Returns(12L);
        toOpen.ClearDomainEvents();
        toClose.ClearDomainEvents();

        var result = await Handler().HandleAsync(new AdvanceScheduledElectionsCommand(), Ct);

        Assert.Equal(new AdvanceScheduledElectionsResult(Opened: 1, Closed: 1, Skipped: 0, next), result);
        Assert.Equal((ElectionStatus.Open, ElectionStatus.Closed), (toOpen.Status, toClose.Status));
        Assert.IsType<ElectionOpened>(Assert.Single(toOpen.DomainEvents));
        Assert.IsType<ElectionClosed>(Assert.Single(toClose.DomainEvents));
        Assert.Equal(12, toClose.Electorate);
        await _unitOfWork.Received(2).SaveChangesAsync(Arg.Any<CancellationToken>());
        await _schedule.Received(1).ListDueAsync(_clock.UtcNow, 100, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_step_another_instance_saved_first_is_skipped_without_error_and_the_rest_still_advance()
    {
        var lost = TestElections.Scheduled(_clock);
        var won = TestElections.Scheduled(_clock);
        _clock.Set(lost.OpensAt);
        Due(lost, won);
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(
            _ => throw new DomainException(ErrorCodes.Conflict, "Someone else changed this record meanwhile."),
            _ => Task.CompletedTask);

        var result = await Handler().HandleAsync(new AdvanceScheduledElectionsCommand(), Ct);

        Assert.Equal((1, 0, 1), (result.Opened, result.Closed, result.Skipped));
    }

    [Fact]
    public async Task An_election_moved_since_it_was_listed_or_gone_is_left_alone()
    {
        var alreadyOpen = TestElections.Open(_clock);
        _schedule.ListDueAsync(Arg.Any<DateTimeOffset>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([alreadyOpen.Id, ElectionId.New()]);
        _elections.GetAsync(alreadyOpen.Id, Arg.Any<CancellationToken>()).Returns(alreadyOpen);

        var result = await Handler().HandleAsync(new AdvanceScheduledElectionsCommand(), Ct);

        Assert.Equal((0, 0, 2), (result.Opened, result.Closed, result.Skipped));
        Assert.Equal(ElectionStatus.Open, alreadyOpen.Status);
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_scheduled_election_that_no_longer_meets_the_rules_to_open_stays_scheduled_for_an_officer()
    {
        var election = TestElections.Scheduled(_clock);
        election.RemoveCandidate(election.Candidates[0].Id);
        _clock.Set(election.OpensAt);
        Due(election);

        var result = await Handler().HandleAsync(new AdvanceScheduledElectionsCommand(), Ct);

        Assert.Equal((0, 0, 1), (result.Opened, result.Closed, result.Skipped));
        Assert.Equal(ElectionStatus.Scheduled, election.Status);
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_scheduled_election_whose_window_has_passed_is_not_opened()
    {
        var election = TestElections.Scheduled(_clock);
        _clock.Set(election.ClosesAt);
        Due(election);

        var result = await Handler().HandleAsync(new AdvanceScheduledElectionsCommand(), Ct);

        Assert.Equal((0, 0, 1), (result.Opened, result.Closed, result.Skipped));
        Assert.Equal(ElectionStatus.Scheduled, election.Status);
    }

    [Fact]
    public async Task A_storage_failure_ends_the_pass_with_the_error()
    {
        var election = TestElections.Scheduled(_clock);
        _clock.Set(election.OpensAt);
        Due(election);
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new TimeoutException("database unreachable"));

        await Assert.ThrowsAsync<TimeoutException>(() => Handler().HandleAsync(new AdvanceScheduledElectionsCommand(), Ct));
    }

    private void Due(params Election[] elections)
    {
        _schedule.ListDueAsync(Arg.Any<DateTimeOffset>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns([.. elections.Select(e => e.Id)]);
        foreach (var election in elections)
        {
            _elections.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        }
    }

    private AdvanceScheduledElectionsHandler Handler() => new(_schedule, _elections, _queries, _unitOfWork, _clock);
}
