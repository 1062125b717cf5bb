using NSubstitute;
using Voting.Application.Chat;
using Voting.Application.Chat.BanMember;
using Voting.Application.Chat.KickMember;
using Voting.Application.Chat.LeaveRoom;
using Voting.Application.Chat.MarkRead;
using Voting.Application.Chat.TransferRoomOwnership;
using Voting.Application.Chat.UnbanMember;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Chat;

public sealed class ModerationHandlerTests
{
    private readonly ChatSetup _chat = new ChatSetup().Runs<RoomMemberView>();

    private static CancellationToken Ct => ChatSetup.Ct;

    [Fact]
    public async Task A_moderator_kicks_a_member_and_the_kick_is_published()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var moderator = _chat.Member(room, owner, MemberRole.Moderator);
        var member = _chat.Member(room, owner);

        var kicked = await Kick(moderator.UserId).HandleAsync(new KickMemberCommand(room.Id, member.UserId), Ct);

        Assert.Equal(MemberStatus.Kicked, kicked.Status);
        var published = Assert.Single(_chat.Published);
        Assert.Equal((RoomEventKind.MemberKicked, (UserId?)moderator.UserId, (UserId?)member.UserId), (published.Kind, published.ActorId, published.SubjectId));
    }

    [Fact]
    public async Task A_member_cannot_kick_and_nothing_is_published()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Kick(member.UserId).HandleAsync(new KickMemberCommand(room.Id, owner.UserId), Ct));
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task Banning_someone_who_never_joined_stores_a_banned_row()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var stranger = UserId.New();
        _chat.Users.GetAsync(stranger, Arg.Any<CancellationToken>()).Returns(TestUsers.Voter(_chat.Clock));

        var banned = await new BanMemberHandler(Callers.SignedIn(Role.Voter, owner.UserId), _chat.Users, _chat.Chat, _chat.UnitOfWork, _chat.Publisher, _chat.Clock)
            .HandleAsync(new BanMemberCommand(room.Id, stranger), Ct);

        Assert.Equal((stranger, MemberStatus.Banned), (banned.UserId, banned.Status));
        Assert.Equal(stranger, Assert.Single(Assert.Single(_chat.Stored).Members).UserId);
    }

    [Fact]
    public async Task A_moderator_lifts_a_ban_and_the_unban_is_published()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var moderator = _chat.Member(room, owner, MemberRole.Moderator);
        var member = _chat.Member(room, owner);
        room.Ban(owner, member.UserId, member, _chat.Clock);
        room.TakeNewRecords();

        var unbanned = await Unban(moderator.UserId).HandleAsync(new UnbanMemberCommand(room.Id, member.UserId), Ct);

        Assert.Equal((member.UserId, MemberStatus.Left), (unbanned.UserId, unbanned.Status));
        var published = Assert.Single(_chat.Published);
        Assert.Equal((RoomEventKind.MemberUnbanned, (UserId?)moderator.UserId, (UserId?)member.UserId), (published.Kind, published.ActorId, published.SubjectId));
    }

    [Fact]
    public async Task Unbanning_someone_never_banned_is_refused_and_a_member_cannot_unban()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);
        var banned = _chat.Member(room, owner);
        room.Ban(owner, banned.UserId, banned, _chat.Clock);
        room.TakeNewRecords();

        await Refusals.RefusedAsync(ErrorCodes.InvalidState, () => Unban(owner.UserId).HandleAsync(new UnbanMemberCommand(room.Id, UserId.New()), Ct));
        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Unban(member.UserId).HandleAsync(new UnbanMemberCommand(room.Id, banned.UserId), Ct));
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task The_owner_hands_the_room_over_then_may_leave_and_each_change_is_published()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var member = _chat.Member(room, owner);
        var leave = new LeaveRoomHandler(Callers.SignedIn(Role.Voter, owner.UserId), _chat.Chat, _chat.UnitOfWork, _chat.Publisher, _chat.Clock);
        _chat.UnitOfWork.RunsTransactionsOf<RoomId>();
        await Refusals.RefusedAsync(ErrorCodes.OwnershipTransferRequired, () => leave.HandleAsync(new LeaveRoomCommand(room.Id), Ct));

        var newOwner = await Transfer(owner.UserId).HandleAsync(new TransferRoomOwnershipCommand(room.Id, member.UserId), Ct);
        await leave.HandleAsync(new LeaveRoomCommand(room.Id), Ct);

        Assert.Equal((member.UserId, MemberRole.Owner), (newOwner.UserId, newOwner.Role));
        Assert.Equal(
            [(RoomEventKind.MemberRoleChanged, member.UserId), (RoomEventKind.MemberRoleChanged, owner.UserId), (RoomEventKind.MemberLeft, owner.UserId)],
            _chat.Published.Select(e => (e.Kind, e.SubjectId!.Value)));
    }

    [Fact]
    public async Task Only_the_owner_hands_over_and_only_to_someone_in_the_room()
    {
        var (room, owner) = _chat.Room(UserId.New());
        var moderator = _chat.Member(room, owner, MemberRole.Moderator);

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Transfer(moderator.UserId).HandleAsync(new TransferRoomOwnershipCommand(room.Id, moderator.UserId), Ct));
        await Refusals.RefusedAsync(ErrorCodes.NotAMember, () => Transfer(owner.UserId).HandleAsync(new TransferRoomOwnershipCommand(room.Id, UserId.New()), Ct));
        Assert.Empty(_chat.Published);
    }

    [Fact]
    public async Task Marking_read_moves_the_marker_no_further_than_the_room_has_gone()
    {
        var (room, owner) = _chat.Room(UserId.New());

        var marker = await new MarkReadHandler(new MarkReadValidator(), Callers.SignedIn(Role.Voter, owner.UserId), _chat.Chat)
            .HandleAsync(new MarkReadCommand(room.Id, 99), Ct);

        Assert.Equal(room.LastSequence, marker);
        await _chat.Chat.Received(1).AdvanceReadMarkerAsync(room.Id, owner.UserId, room.LastSequence, Ct);
    }

    private UnbanMemberHandler Unban(UserId caller) =>
        new(Callers.SignedIn(Role.Voter, caller), _chat.Chat, _chat.UnitOfWork, _chat.Publisher, _chat.Clock);

    private TransferRoomOwnershipHandler Transfer(UserId caller) =>
        new(Callers.SignedIn(Role.Voter, caller), _chat.Chat, _chat.UnitOfWork, _chat.Publisher, _chat.Clock);

    private KickMemberHandler Kick(UserId caller) =>
        new(Callers.SignedIn(Role.Voter, caller), _chat.Chat, _chat.UnitOfWork, _chat.Publisher, _chat.Clock);
}
