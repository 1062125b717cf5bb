using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Chat;
using Voting.Application.Elections.CreateElection;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.CreateElection;

public sealed class CreateElectionHandlerTests
{
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly IChatRepository _chat = Substitute.For<IChatRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    [InlineData(Role.ElectionOfficer | Role.Voter)]
    public async Task An_official_creates_a_draft_and_it_is_saved_once(Role roles)
    {
        var officer = UserId.New();
        Election? added = null;
        _elections.Add(Arg.Do<Election>(e => added = e));
        var command = Valid() with { Title = "  Board election  ", ResultsVisibility = ResultsVisibility.Live };

        var id = await Handler(Callers.SignedIn(roles, officer)).HandleAsync(command, Ct);

        Assert.NotNull(added);
        Assert.Equal(id, added.Id);
        Assert.Equal("Board election", added.Title);
        Assert.Equal(command.Description, added.Description);
        Assert.Equal(command.OpensAt, added.OpensAt);
        Assert.Equal(command.ClosesAt, added.ClosesAt);
        Assert.Equal(ElectionStatus.Draft, added.Status);
        Assert.Equal(BallotKind.SingleChoice, added.BallotKind);
        Assert.Equal(ResultsVisibility.Live, added.ResultsVisibility);
        Assert.Equal(EligibilityMode.AllRegisteredVoters, added.Eligibility);
        Assert.Equal(officer, added.CreatedBy);
        Assert.Equal(_clock.UtcNow, added.CreatedAt);
        Assert.Empty(added.Candidates);
        _elections.Received(1).Add(Arg.Any<Election>());
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_election_gets_its_room_owned_by_its_creator_in_the_same_save()
    {
        var officer = UserId.New();
        Election? added = null;
        ChatRoom? room = null;
        RoomRecords? records = null;
        _elections.Add(Arg.Do<Election>(e => added = e));
        _chat.Add(Arg.Do<ChatRoom>(r => room = r));
        _chat.Add(Arg.Do<RoomRecords>(r => records = r));
        _unitOfWork.When(u => u.SaveChangesAsync(Arg.Any<CancellationToken>())).Do(_ => Assert.NotNull(records));

        await Handler(Callers.SignedIn(Role.ElectionOfficer, officer)).HandleAsync(Valid(), Ct);

        Assert.NotNull(room);
        Assert.Equal((RoomKind.Election, (ElectionId?)added!.Id, added.Title), (room.Kind, room.ElectionId, room.Name));
        var owner = Assert.Single(records!.Members);
        Assert.Equal((officer, MemberRole.Owner), (owner.UserId, owner.Role));
        await _unitOfWork.Received(1).SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Results_are_shown_after_close_unless_asked_otherwise()
    {
        Election? added = null;
        _elections.Add(Arg.Do<Election>(e => added = e));

        await Handler(Callers.Admin()).HandleAsync(new CreateElectionCommand("Title", null, Opens, Closes), Ct);

        Assert.Equal(ResultsVisibility.AfterClose, added?.ResultsVisibility);
        Assert.Equal(string.Empty, added?.Description);
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_as_unauthenticated_even_with_invalid_input()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.Unauthenticated,
            () => Handler(Callers.Anonymous()).HandleAsync(Valid() with { Title = string.Empty }, Ct));

        AssertNothingWritten();
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    [InlineData(Role.None)]
    public async Task A_caller_who_is_not_an_official_is_forbidden(Role roles)
    {
        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(Callers.SignedIn(roles)).HandleAsync(Valid(), Ct));

        AssertNothingWritten();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_title_is_refused(string title) =>
        await AssertInvalidAsync(Valid() with { Title = title }, "Title");

    [Fact]
    public async Task An_oversized_title_is_refused() =>
        await AssertInvalidAsync(Valid() with { Title = new string('t', Election.MaxTitleLength + 1) }, "Title");

    [Fact]
    public async Task An_oversized_description_is_refused() =>
        await AssertInvalidAsync(Valid() with { Description = new string('d', Election.MaxDescriptionLength + 1) }, "Description");

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task A_closing_time_not_after_the_opening_time_is_refused(int closesMinutesAfterOpening) =>
        await AssertInvalidAsync(Valid() with { ClosesAt = Opens.AddMinutes(closesMinutesAfterOpening) }, "ClosesAt");

    [Fact]
    public async Task An_unknown_ballot_kind_is_refused() =>
        await AssertInvalidAsync(Valid() with { BallotKind = (BallotKind)7 }, "BallotKind");

    [Fact]
    public async Task An_unknown_results_visibility_is_refused() =>
        await AssertInvalidAsync(Valid() with { ResultsVisibility = (ResultsVisibility)7 }, "ResultsVisibility");

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var refusal = await AssertInvalidAsync(
            new CreateElectionCommand(string.Empty, new string('d', Election.MaxDescriptionLength + 1), Opens, Opens),
            "Title",
            "Description",
            "ClosesAt");

        Assert.Equal(3, refusal.Errors.Count);
    }

    [Fact]
    public async Task Times_not_in_UTC_are_refused_per_field_and_nothing_is_written()
    {
        var plusSeven = TimeSpan.FromHours(7);

        await Refusals.InvalidAsync(
            () => Handler(Callers.Admin()).HandleAsync(Valid() with { OpensAt = Opens.ToOffset(plusSeven), ClosesAt = Closes.ToOffset(plusSeven) }, Ct),
            "OpensAt",
            "ClosesAt");

        AssertNothingWritten();
    }

    [Fact]
    public async Task A_closing_time_in_the_past_is_refused_and_nothing_is_written()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.Validation,
            () => Handler(Callers.Admin()).HandleAsync(Valid() with { OpensAt = _clock.UtcNow.AddDays(-2), ClosesAt = _clock.UtcNow.AddDays(-1) }, Ct));

        AssertNothingWritten();
    }

    private DateTimeOffset Opens => _clock.UtcNow.AddDays(1);

    private DateTimeOffset Closes => _clock.UtcNow.AddDays(2);

    private CreateElectionCommand Valid() => new("Board election", "Annual board election", Opens, Closes);

    private async Task<Common.ValidationFailedException> AssertInvalidAsync(CreateElectionCommand command, params string[] fields)
    {
        var refusal = await Refusals.InvalidAsync(() => Handler(Callers.Admin()).HandleAsync(command, Ct), fields);
        AssertNothingWritten();
        return refusal;
    }

    private void AssertNothingWritten()
    {
        _elections.DidNotReceive().Add(Arg.Any<Election>());
        _chat.DidNotReceive().Add(Arg.Any<ChatRoom>());
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private CreateElectionHandler Handler(ICurrentUser caller) => new(new CreateElectionValidator(), caller, _elections, _chat, _unitOfWork, _clock);
}
