using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Chat;

public sealed class ChatRoomMembershipTests
{
    private readonly TestRooms _rooms = new();

    private FakeClock Clock => _rooms.Clock;

    [Fact]
    public void Creating_a_room_makes_its_creator_the_owner_at_sequence_one()
    {
        var room = ChatRoom.Create(RoomKind.Private, "  Board  ", _rooms.Owner, Clock);

        var records = room.TakeNewRecords();
        Assert.Equal("Board", room.Name);
        Assert.Equal(1, room.LastSequence);
        var owner = Assert.Single(records.Members);
        Assert.Equal((_rooms.Owner, MemberRole.Owner, MemberStatus.Active), (owner.UserId, owner.Role, owner.Status));
        var joined = Assert.Single(records.Events);
        Assert.Equal((1L, RoomEventKind.MemberJoined, (UserId?)_rooms.Owner), (joined.Sequence, joined.Kind, joined.SubjectId));
        Assert.Empty(records.Messages);
        Assert.True(room.TakeNewRecords().IsEmpty);
    }

    [Theory]
    [InlineData(RoomKind.Election)]
    [InlineData(RoomKind.Direct)]
    public void Only_public_and_private_rooms_are_created_directly(RoomKind kind) =>
        Refused.With(ErrorCodes.Validation, () => ChatRoom.Create(kind, "Room", _rooms.Owner, Clock));

    [Fact]
    public void A_first_join_brings_a_welcome_and_each_takes_the_next_sequence()
    {
        var (room, _) = _rooms.Create();
        var user = UserId.New();

        var member = room.Join(user, null, Clock);

        var records = room.TakeNewRecords();
        Assert.Equal((MemberRole.Member, MemberStatus.Active, Clock.UtcNow), (member.Role, member.Status, member.JoinedAt!.Value));
        Assert.Equal([(2L, RoomEventKind.MemberJoined), (3L, RoomEventKind.MessageAdded)], records.Events.Select(e => (e.Sequence, e.Kind)));
        var welcome = Assert.Single(records.Messages);
        Assert.Equal((MessageKind.System, SystemNotice.Welcome, (UserId?)user, (UserId?)null, 3L), (welcome.Kind, welcome.Notice, welcome.SubjectId, welcome.AuthorId, welcome.Sequence));
        Assert.Equal("Welcome to Town square!", welcome.Text);
        Assert.Equal(welcome.Id, records.Events[1].MessageId);
    }

    [Fact]
    public void Joining_again_while_active_changes_nothing_and_rejoining_after_leaving_brings_no_second_welcome()
    {
        var (room, _) = _rooms.Create();
        var user = UserId.New();
        var member = room.Join(user, null, Clock);
        room.TakeNewRecords();

        Assert.Same(member, room.Join(user, member, Clock));
        Assert.True(room.TakeNewRecords().IsEmpty);

        room.Leave(member, Clock);
        room.Join(user, member, Clock);
        var records = room.TakeNewRecords();
        Assert.Equal([RoomEventKind.MemberLeft, RoomEventKind.MemberJoined], records.Events.Select(e => e.Kind));
        Assert.Empty(records.Messages);
        Assert.True(member.IsActive);
    }

    [Fact]
    public void A_private_room_is_joined_by_invitation_only()
    {
        var (room, owner) = _rooms.Create(RoomKind.Private);
        var user = UserId.New();

        Refused.With(ErrorCodes.Forbidden, () => room.Join(user, null, Clock));
        var invited = room.Invite(owner, user, null, Clock);
        Assert.Equal(MemberStatus.Invited, invited.Status);
        Refused.With(ErrorCodes.NotAMember, () => room.EnsureCanRead(invited));

        var member = room.Join(user, invited, Clock);
        Assert.Same(invited, member);
        Assert.True(member.IsActive);
        room.EnsureCanRead(member);
        Assert.Equal(
            [RoomEventKind.MemberInvited, RoomEventKind.MemberJoined, RoomEventKind.MessageAdded],
            room.TakeNewRecords().Events.Select(e => e.Kind));
    }

    [Fact]
    public void Plain_members_cannot_invite_and_public_rooms_take_no_invitations()
    {
        var (room, owner) = _rooms.Create(RoomKind.Private);
        var member = TestRooms.Joined(room, owner, Clock);
        Refused.With(ErrorCodes.Forbidden, () => room.Invite(member, UserId.New(), null, Clock));

        var (publicRoom, publicOwner) = _rooms.Create(RoomKind.Public);
        Refused.With(ErrorCodes.InvalidState, () => publicRoom.Invite(publicOwner, UserId.New(), null, Clock));
    }

    [Fact]
    public void Reading_public_rooms_is_open_to_all_but_the_banned_and_private_rooms_to_members()
    {
        var (publicRoom, publicOwner) = _rooms.Create(RoomKind.Public);
        publicRoom.EnsureCanRead(null);
        var banned = publicRoom.Ban(publicOwner, UserId.New(), null, Clock);
        Refused.With(ErrorCodes.Banned, () => publicRoom.EnsureCanRead(banned));

        var (privateRoom, privateOwner) = _rooms.Create(RoomKind.Private);
        Refused.With(ErrorCodes.NotAMember, () => privateRoom.EnsureCanRead(null));
        privateRoom.EnsureCanRead(privateOwner);
    }

    [Fact]
    public void A_banned_user_cannot_rejoin_or_be_invited_and_a_kicked_one_can_rejoin_a_public_room()
    {
        var (room, owner) = _rooms.Create();
        var kicked = TestRooms.Joined(room, owner, Clock);
        var banned = TestRooms.Joined(room, owner, Clock);

        room.Kick(owner, kicked, Clock);
        room.Ban(owner, banned.UserId, banned, Clock);

        Assert.Equal(MemberStatus.Kicked, kicked.Status);
        Assert.Equal(MemberStatus.Banned, banned.Status);
        Refused.With(ErrorCodes.Banned, () => room.Join(banned.UserId, banned, Clock));
        room.Join(kicked.UserId, kicked, Clock);
        Assert.True(kicked.IsActive);
    }

    [Fact]
    public void A_kicked_user_needs_a_new_invitation_to_a_private_room_and_a_banned_one_gets_none()
    {
        var (room, owner) = _rooms.Create(RoomKind.Private);
        var kicked = TestRooms.Joined(room, owner, Clock);
        room.Kick(owner, kicked, Clock);

        Refused.With(ErrorCodes.Forbidden, () => room.Join(kicked.UserId, kicked, Clock));
        room.Invite(owner, kicked.UserId, kicked, Clock);
        room.Join(kicked.UserId, kicked, Clock);
        Assert.True(kicked.IsActive);

        room.Ban(owner, kicked.UserId, kicked, Clock);
        Refused.With(ErrorCodes.Banned, () => room.Invite(owner, kicked.UserId, kicked, Clock));
    }

    [Fact]
    public void Kick_ban_and_mute_need_a_moderator_and_never_touch_the_owner()
    {
        var (room, owner) = _rooms.Create();
        var moderator = TestRooms.Moderator(room, owner, Clock);
        var other = TestRooms.Moderator(room, owner, Clock);
        var member = TestRooms.Joined(room, owner, Clock);
        var peer = TestRooms.Joined(room, owner, Clock);
        var until = Clock.UtcNow.AddMinutes(10);

        Refused.With(ErrorCodes.Forbidden, () => room.Kick(member, peer, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Mute(member, peer, until, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Ban(member, peer.UserId, peer, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Ban(member, UserId.New(), null, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Kick(moderator, owner, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Mute(moderator, owner, until, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Ban(moderator, owner.UserId, owner, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Kick(moderator, other, Clock));

        room.Mute(moderator, member, until, Clock);
        room.Kick(owner, other, Clock);
        Assert.Equal(until, member.MutedUntil);
        Assert.Equal(MemberStatus.Kicked, other.Status);
    }

    [Fact]
    public void Only_the_owner_sets_roles_and_not_the_owner_role()
    {
        var (room, owner) = _rooms.Create();
        var moderator = TestRooms.Moderator(room, owner, Clock);
        var member = TestRooms.Joined(room, owner, Clock);

        Refused.With(ErrorCodes.Forbidden, () => room.SetRole(moderator, member, MemberRole.Moderator, Clock));
        Refused.With(ErrorCodes.Validation, () => room.SetRole(owner, member, MemberRole.Owner, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.SetRole(owner, owner, MemberRole.Member, Clock));

        room.SetRole(owner, moderator, MemberRole.Member, Clock);
        var changed = Assert.Single(room.TakeNewRecords().Events);
        Assert.Equal((RoomEventKind.MemberRoleChanged, (MemberRole?)MemberRole.Member, (UserId?)moderator.UserId), (changed.Kind, changed.Role, changed.SubjectId));
    }

    [Fact]
    public void The_owner_leaves_only_after_handing_the_room_over()
    {
        var (room, owner) = _rooms.Create();
        var member = TestRooms.Joined(room, owner, Clock);
        Refused.With(ErrorCodes.OwnershipTransferRequired, () => room.Leave(owner, Clock));

        room.TransferOwnership(owner, member, Clock);
        room.Leave(owner, Clock);

        Assert.Equal((MemberStatus.Left, MemberRole.Member), (owner.Status, owner.Role));
        Refused.With(ErrorCodes.OwnershipTransferRequired, () => room.Leave(member, Clock));
    }

    [Fact]
    public void A_sole_owner_has_no_one_to_hand_over_to_and_stays()
    {
        var (room, owner) = _rooms.Create();

        Refused.With(ErrorCodes.OwnershipTransferRequired, () => room.Leave(owner, Clock));
        Refused.With(ErrorCodes.Validation, () => room.TransferOwnership(owner, owner, Clock));
        Assert.True(owner.IsActive);
    }

    [Fact]
    public void Handing_over_makes_the_member_owner_and_the_old_owner_a_moderator_new_owner_first()
    {
        var (room, owner) = _rooms.Create();
        var member = TestRooms.Joined(room, owner, Clock);

        room.TransferOwnership(owner, member, Clock);

        Assert.Equal((MemberRole.Owner, MemberRole.Moderator), (member.Role, owner.Role));
        var events = room.TakeNewRecords().Events;
        Assert.Equal(
            [(RoomEventKind.MemberRoleChanged, member.UserId, MemberRole.Owner), (RoomEventKind.MemberRoleChanged, owner.UserId, MemberRole.Moderator)],
            events.Select(e => (e.Kind, e.SubjectId!.Value, e.Role!.Value)));
        Assert.All(events, e => Assert.Equal(owner.UserId, e.ActorId));
        Assert.Equal([events[0].Sequence + 1], [events[1].Sequence]);

        // The old owner is now outranked: the new owner can act on them, they cannot act on the new owner.
        Refused.With(ErrorCodes.Forbidden, () => room.TransferOwnership(owner, member, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Kick(owner, member, Clock));
        room.Kick(member, owner, Clock);
        Assert.Equal(MemberStatus.Kicked, owner.Status);
    }

    [Fact]
    public void Only_the_owner_hands_over_and_only_to_an_active_unmuted_member()
    {
        var (room, owner) = _rooms.Create();
        var moderator = TestRooms.Moderator(room, owner, Clock);
        var member = TestRooms.Joined(room, owner, Clock);
        var left = TestRooms.Joined(room, owner, Clock);
        room.Leave(left, Clock);
        var banned = room.Ban(owner, UserId.New(), null, Clock);
        var muted = TestRooms.Joined(room, owner, Clock);
        room.Mute(owner, muted, Clock.UtcNow.AddMinutes(5), Clock);
        room.TakeNewRecords();

        Refused.With(ErrorCodes.Forbidden, () => room.TransferOwnership(moderator, member, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.TransferOwnership(member, moderator, Clock));
        Refused.With(ErrorCodes.NotAMember, () => room.TransferOwnership(owner, left, Clock));
        Refused.With(ErrorCodes.Banned, () => room.TransferOwnership(owner, banned, Clock));
        Refused.With(ErrorCodes.InvalidState, () => room.TransferOwnership(owner, muted, Clock));
        Assert.True(room.TakeNewRecords().IsEmpty);
        Assert.Equal(MemberRole.Owner, owner.Role);

        room.TransferOwnership(owner, moderator, Clock);
        Assert.Equal(MemberRole.Owner, moderator.Role);
    }

    [Fact]
    public void A_direct_conversation_cannot_be_handed_over()
    {
        var room = ChatRoom.Direct(UserId.New(), UserId.New(), Clock);
        var members = room.TakeNewRecords().Members;

        Refused.With(ErrorCodes.InvalidState, () => room.TransferOwnership(members[0], members[1], Clock));
        Refused.With(ErrorCodes.InvalidState, () => room.Unban(members[0], members[1], Clock));
    }

    [Fact]
    public void A_moderator_lifts_a_ban_and_the_user_may_rejoin_a_public_room_without_a_second_welcome()
    {
        var (room, owner) = _rooms.Create();
        var moderator = TestRooms.Moderator(room, owner, Clock);
        var member = TestRooms.Joined(room, owner, Clock);
        room.Ban(moderator, member.UserId, member, Clock);
        room.TakeNewRecords();

        room.Unban(moderator, member, Clock);

        Assert.Equal((MemberStatus.Left, MemberRole.Member), (member.Status, member.Role));
        var unbanned = Assert.Single(room.TakeNewRecords().Events);
        Assert.Equal((RoomEventKind.MemberUnbanned, (UserId?)moderator.UserId, (UserId?)member.UserId), (unbanned.Kind, unbanned.ActorId, unbanned.SubjectId));
        room.EnsureCanRead(member);
        room.Join(member.UserId, member, Clock);
        Assert.Empty(room.TakeNewRecords().Messages);
    }

    [Fact]
    public void Someone_banned_before_ever_joining_is_welcomed_on_a_first_join_after_the_unban()
    {
        var (room, owner) = _rooms.Create();
        var banned = room.Ban(owner, UserId.New(), null, Clock);
        room.Unban(owner, banned, Clock);
        room.TakeNewRecords();

        room.Join(banned.UserId, banned, Clock);

        Assert.Equal(SystemNotice.Welcome, Assert.Single(room.TakeNewRecords().Messages).Notice);
    }

    [Fact]
    public void An_unbanned_user_needs_a_new_invitation_to_a_private_room()
    {
        var (room, owner) = _rooms.Create(RoomKind.Private);
        var member = TestRooms.Joined(room, owner, Clock);
        room.Ban(owner, member.UserId, member, Clock);
        room.Unban(owner, member, Clock);

        Refused.With(ErrorCodes.NotAMember, () => room.EnsureCanRead(member));
        Refused.With(ErrorCodes.Forbidden, () => room.Join(member.UserId, member, Clock));
        room.Invite(owner, member.UserId, member, Clock);
        room.Join(member.UserId, member, Clock);
        Assert.True(member.IsActive);
    }

    [Fact]
    public void Only_moderators_unban_and_only_someone_banned()
    {
        var (room, owner) = _rooms.Create();
        var member = TestRooms.Joined(room, owner, Clock);
        var peer = TestRooms.Joined(room, owner, Clock);
        var banned = room.Ban(owner, UserId.New(), null, Clock);
        room.TakeNewRecords();

        Refused.With(ErrorCodes.Forbidden, () => room.Unban(member, banned, Clock));
        Refused.With(ErrorCodes.InvalidState, () => room.Unban(owner, peer, Clock));
        Refused.With(ErrorCodes.InvalidState, () => room.Unban(owner, null, Clock));
        Assert.True(room.TakeNewRecords().IsEmpty);
        Assert.Equal(MemberStatus.Banned, banned.Status);
    }

    [Fact]
    public void A_mute_must_end_in_the_future_and_null_lifts_it()
    {
        var (room, owner) = _rooms.Create();
        var member = TestRooms.Joined(room, owner, Clock);

        Refused.With(ErrorCodes.Validation, () => room.Mute(owner, member, Clock.UtcNow, Clock));
        room.Mute(owner, member, Clock.UtcNow.AddMinutes(1), Clock);
        Assert.True(member.IsMutedAt(Clock.UtcNow));
        room.Mute(owner, member, null, Clock);
        Assert.False(member.IsMutedAt(Clock.UtcNow));
        Assert.Equal([RoomEventKind.MemberMuted, RoomEventKind.MemberMuted], room.TakeNewRecords().Events.Select(e => e.Kind));
    }

    [Fact]
    public void A_direct_conversation_has_its_two_users_and_no_moderation()
    {
        var (a, b) = (UserId.New(), UserId.New());
        var room = ChatRoom.Direct(a, b, Clock);
        var members = room.TakeNewRecords().Members;

        Assert.Equal(ChatRoom.DirectKeyOf(b, a), room.DirectKey);
        Assert.Equal(64, room.DirectKey!.Length);
        Assert.Equal([a, b], members.Select(m => m.UserId));
        Assert.All(members, m => Assert.Equal(MemberRole.Member, m.Role));
        Refused.With(ErrorCodes.Validation, () => ChatRoom.Direct(a, a, Clock));
        Refused.With(ErrorCodes.Forbidden, () => room.Join(UserId.New(), null, Clock));
        Refused.With(ErrorCodes.InvalidState, () => room.Leave(members[0], Clock));
        Refused.With(ErrorCodes.InvalidState, () => room.Kick(members[0], members[1], Clock));
        Refused.With(ErrorCodes.NotAMember, () => room.EnsureCanRead(null));
    }

    [Fact]
    public void Read_markers_only_move_forward_and_stop_at_the_last_sequence()
    {
        var (room, owner) = _rooms.Create();

        owner.MarkRead(5, room.LastSequence);
        Assert.Equal(1, owner.LastReadSequence);
        room.Send(owner, "hi", "c1", null, Clock);
        owner.MarkRead(2, room.LastSequence);
        owner.MarkRead(1, room.LastSequence);
        Assert.Equal(2, owner.LastReadSequence);
    }
}
