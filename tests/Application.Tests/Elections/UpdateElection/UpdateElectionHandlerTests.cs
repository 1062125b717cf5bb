using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections.UpdateElection;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.UpdateElection;

public sealed class UpdateElectionHandlerTests
{
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();
    private readonly Election _election;

    public UpdateElectionHandlerTests()
    {
        _election = TestElections.Draft(_clock);
        _elections.GetAsync(_election.Id, Arg.Any<CancellationToken>()).Returns(_election);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task An_official_updates_the_details_and_they_are_saved_once(Role roles)
    {
        var version = _election.Version;
        var command = Valid() with { Title = "Renamed", Description = "New description", ResultsVisibility = ResultsVisibility.Live };

        await Handler(Callers.SignedIn(roles)).HandleAsync(command, Ct);

        Assert.Equal("Renamed", _election.Title);
        Assert.Equal("New description", _election.Description);
        Assert.Equal(command.OpensAt, _election.OpensAt);
        Assert.Equal(command.ClosesAt, _election.ClosesAt);
        Assert.Equal(ResultsVisibility.Live, _election.ResultsVisibility);
        Assert.True(_election.Version > version);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task A_scheduled_election_can_still_be_updated()
    {
        var scheduled = TestElections.Scheduled(_clock);
        _elections.GetAsync(scheduled.Id, Arg.Any<CancellationToken>()).Returns(scheduled);

        await Handler(Callers.Admin()).HandleAsync(Valid() with { ElectionId = scheduled.Id, Title = "Renamed" }, Ct);

        Assert.Equal("Renamed", scheduled.Title);
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Admin()).HandleAsync(Valid() with { ElectionId = ElectionId.New() }, Ct));

        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_open_election_cannot_be_edited()
    {
        var open = TestElections.Open(_clock);
        _elections.GetAsync(open.Id, Arg.Any<CancellationToken>()).Returns(open);

        await Refusals.RefusedAsync(
            ErrorCodes.InvalidState,
            () => Handler(Callers.Admin()).HandleAsync(Valid() with { ElectionId = open.Id, Title = "Renamed" }, Ct));

        Assert.Equal("Board election", open.Title);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_as_unauthenticated()
    {
        await Refusals.RefusedAsync(ErrorCodes.Unauthenticated, () => Handler(Callers.Anonymous()).HandleAsync(Valid(), Ct));

        await AssertNothingLoadedOrWrittenAsync();
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    public async Task A_caller_who_is_not_an_official_is_forbidden(Role roles)
    {
        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(Callers.SignedIn(roles)).HandleAsync(Valid(), Ct));

        await AssertNothingLoadedOrWrittenAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_empty_title_is_refused(string title) =>
        await AssertInvalidAsync(Valid() with { Title = title }, "Title");

    [Fact]
    public async Task An_oversized_title_is_refused() =>
        await AssertInvalidAsync(Valid() with { Title = new string('t', Election.MaxTitleLength + 1) }, "Title");

    [Fact]
    public async Task An_oversized_description_is_refused() =>
        await AssertInvalidAsync(Valid() with { Description = new string('d', Election.MaxDescriptionLength + 1) }, "Description");

    [Fact]
    public async Task A_closing_time_before_the_opening_time_is_refused() =>
        await AssertInvalidAsync(Valid() with { ClosesAt = _clock.UtcNow.AddHours(1), OpensAt = _clock.UtcNow.AddHours(2) }, "ClosesAt");

    [Fact]
    public async Task An_unknown_results_visibility_is_refused() =>
        await AssertInvalidAsync(Valid() with { ResultsVisibility = (ResultsVisibility)9 }, "ResultsVisibility");

    private UpdateElectionCommand Valid() =>
        new(_election.Id, "Board election", "Annual board election", _clock.UtcNow.AddDays(1), _clock.UtcNow.AddDays(2), ResultsVisibility.AfterClose);

    private async Task AssertInvalidAsync(UpdateElectionCommand command, string field)
    {
        var title = _election.Title;

        await Refusals.InvalidAsync(() => Handler(Callers.Admin()).HandleAsync(command, Ct), field);

        Assert.Equal(title, _election.Title);
        await AssertNothingLoadedOrWrittenAsync();
    }

    private async Task AssertNothingLoadedOrWrittenAsync()
    {
        await _elections.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private UpdateElectionHandler Handler(ICurrentUser caller) => new(new UpdateElectionValidator(), caller, _elections, _unitOfWork, _clock);
}
