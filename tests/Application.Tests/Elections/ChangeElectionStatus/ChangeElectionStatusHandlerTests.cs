using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.ChangeElectionStatus;

public sealed class ChangeElectionStatusHandlerTests
{
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task Scheduling_a_ready_draft_schedules_it_and_saves_once(Role roles)
    {
        var election = Stored(TestElections.Draft(_clock));

        var status = await HandleAsync(Callers.SignedIn(roles), election, ElectionTransition.Schedule);

        Assert.Equal(ElectionStatus.Scheduled, status);
        Assert.Equal(ElectionStatus.Scheduled, election.Status);
        Assert.IsType<ElectionScheduled>(Assert.Single(election.DomainEvents));
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Opening_a_scheduled_election_at_its_opening_time_opens_it()
    {
        var election = Stored(TestElections.Scheduled(_clock));
        election.ClearDomainEvents();
        _clock.Set(election.OpensAt);

        var status = await HandleAsync(Callers.Admin(), election, ElectionTransition.Open);

        Assert.Equal(ElectionStatus.Open, status);
        Assert.Equal(_clock.UtcNow, election.OpenedAt);
        Assert.IsType<ElectionOpened>(Assert.Single(election.DomainEvents));
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Closing_an_open_election_at_its_closing_time_closes_it()
    {
        var election = Stored(TestElections.Open(_clock));
        election.ClearDomainEvents();
        _clock.Set(election.ClosesAt);

        var status = await HandleAsync(Callers.Admin(), election, ElectionTransition.Close);

        Assert.Equal(ElectionStatus.Closed, status);
        Assert.Equal(_clock.UtcNow, election.ClosedAt);
        Assert.IsType<ElectionClosed>(Assert.Single(election.DomainEvents));
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Closing_fixes_the_electorate_at_the_registered_voters_of_that_moment()
    {
        var election = Stored(TestElections.Open(_clock));
        _clock.Set(election.ClosesAt);
        _queries.CountRegisteredVotersAsync(Arg.Any<CancellationToken>()).Returns(1234);

        await HandleAsync(Callers.Admin(), election, ElectionTransition.Close);

        Assert.Equal(1234, election.Electorate);
    }

    [Fact]
    public async Task Other_transitions_do_not_count_the_voters()
    {
        var election = Stored(TestElections.Draft(_clock));

        await HandleAsync(Callers.Admin(), election, ElectionTransition.Schedule);

        await _queries.DidNotReceiveWithAnyArgs().CountRegisteredVotersAsync(Ct);
        Assert.Null(election.Electorate);
    }

    [Fact]
    public async Task Publishing_the_results_of_a_closed_election_publishes_them()
    {
        var election = Stored(TestElections.Closed(_clock));
        election.ClearDomainEvents();

        var status = await HandleAsync(Callers.Admin(), election, ElectionTransition.PublishResults);

        Assert.Equal(ElectionStatus.ResultsPublished, status);
        Assert.Equal(_clock.UtcNow, election.ResultsPublishedAt);
        Assert.IsType<ElectionResultsPublished>(Assert.Single(election.DomainEvents));
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData(ElectionStatus.Draft)]
    [InlineData(ElectionStatus.Scheduled)]
    [InlineData(ElectionStatus.Open)]
    public async Task An_election_not_yet_closed_can_be_cancelled(ElectionStatus from)
    {
        var election = Stored(TestElections.In(from, _clock));
        election.ClearDomainEvents();

        var status = await HandleAsync(Callers.Admin(), election, ElectionTransition.Cancel);

        Assert.Equal(ElectionStatus.Cancelled, status);
        Assert.Equal(_clock.UtcNow, election.CancelledAt);
        Assert.IsType<ElectionCancelled>(Assert.Single(election.DomainEvents));
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData(ElectionStatus.Scheduled, ElectionTransition.Schedule)]
    [InlineData(ElectionStatus.Open, ElectionTransition.Schedule)]
    [InlineData(ElectionStatus.Draft, ElectionTransition.Open)]
    [InlineData(ElectionStatus.Closed, ElectionTransition.Open)]
    [InlineData(ElectionStatus.Scheduled, ElectionTransition.Close)]
    [InlineData(ElectionStatus.Open, ElectionTransition.PublishResults)]
    [InlineData(ElectionStatus.ResultsPublished, ElectionTransition.PublishResults)]
    [InlineData(ElectionStatus.Closed, ElectionTransition.Cancel)]
    [InlineData(ElectionStatus.ResultsPublished, ElectionTransition.Cancel)]
    [InlineData(ElectionStatus.Cancelled, ElectionTransition.Open)]
    public async Task A_transition_from_the_wrong_state_is_refused_and_nothing_is_saved(ElectionStatus from, ElectionTransition transition)
    {
        var election = Stored(TestElections.In(from, _clock));

        await AssertRefusedAsync(ErrorCodes.InvalidState, election, transition);

        Assert.Equal(from, election.Status);
    }

    [Fact]
    public async Task Scheduling_a_draft_with_one_candidate_is_refused()
    {
        var election = Stored(TestElections.Draft(_clock, candidates: 1));

        await AssertRefusedAsync(ErrorCodes.InvalidState, election, ElectionTransition.Schedule);
    }

    [Fact]
    public async Task Opening_before_the_opening_time_is_refused()
    {
        var election = Stored(TestElections.Scheduled(_clock));
        _clock.Set(election.OpensAt.AddTicks(-1));

        await AssertRefusedAsync(ErrorCodes.InvalidState, election, ElectionTransition.Open);
    }

    [Fact]
    public async Task Opening_after_the_closing_time_is_refused()
    {
        var election = Stored(TestElections.Scheduled(_clock));
        _clock.Set(election.ClosesAt);

        await AssertRefusedAsync(ErrorCodes.InvalidState, election, ElectionTransition.Open);
    }

    [Fact]
    public async Task Closing_before_the_closing_time_is_refused()
    {
        var election = Stored(TestElections.Open(_clock));
        _clock.Set(election.ClosesAt.AddTicks(-1));

        await AssertRefusedAsync(ErrorCodes.InvalidState, election, ElectionTransition.Close);
    }

    [Fact]
    public async Task An_unknown_transition_is_refused_as_invalid()
    {
        var election = Stored(TestElections.Draft(_clock));

        await AssertRefusedAsync(ErrorCodes.Validation, election, (ElectionTransition)99);
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.NotFound,
            () => Handler(Callers.Admin()).HandleAsync(new ChangeElectionStatusCommand(ElectionId.New(), ElectionTransition.Schedule), Ct));

        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_as_unauthenticated()
    {
        var election = Stored(TestElections.Draft(_clock));

        await Refusals.RefusedAsync(ErrorCodes.Unauthenticated, () => HandleAsync(Callers.Anonymous(), election, ElectionTransition.Schedule));

        await AssertUntouchedAsync(election);
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    [InlineData(Role.None)]
    public async Task A_caller_who_is_not_an_official_is_forbidden(Role roles)
    {
        var election = Stored(TestElections.Draft(_clock));

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => HandleAsync(Callers.SignedIn(roles), election, ElectionTransition.Cancel));

        await AssertUntouchedAsync(election);
    }

    private async Task AssertUntouchedAsync(Election election)
    {
        Assert.Equal(ElectionStatus.Draft, election.Status);
        await _elections.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private async Task AssertRefusedAsync(string code, Election election, ElectionTransition transition)
    {
        var status = election.Status;
        election.ClearDomainEvents();

        await Refusals.RefusedAsync(code, () => HandleAsync(Callers.Admin(), election, transition));

        Assert.Equal(status, election.Status);
        Assert.Empty(election.DomainEvents);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private Election Stored(Election election)
    {
        _elections.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        return election;
    }

    private Task<ElectionStatus> HandleAsync(ICurrentUser caller, Election election, ElectionTransition transition) =>
        Handler(caller).HandleAsync(new ChangeElectionStatusCommand(election.Id, transition), Ct);

    private ChangeElectionStatusHandler Handler(ICurrentUser caller) => new(caller, _elections, _queries, _unitOfWork, _clock);
}
