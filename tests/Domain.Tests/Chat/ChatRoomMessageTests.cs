using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Chat;

public sealed class ChatRoomMessageTests
{
    private readonly TestRooms _rooms = new();

    private FakeClock Clock => _rooms.Clock;

    [Fact]
    public void Every_change_takes_the_next_sequence_of_one_room_log()
    {
        var (room, owner) = _rooms.Create();
        var first = room.Send(owner, "one", "c1", null, Clock);
        var second = room.Send(owner, "two", "c2", null, Clock);
        room.Edit(owner, first, "one, edited", Clock);
        room.Delete(owner, second, Clock);

        var events = room.TakeNewRecords().Events;
        Assert.Equal([2L, 3L, 4L, 5L], events.Select(e => e.Sequence));
        Assert.Equal([RoomEventKind.MessageAdded, RoomEventKind.MessageAdded, RoomEventKind.MessageEdited, RoomEventKind.MessageDeleted], events.Select(e => e.Kind));
        Assert.Equal([first.Id, second.Id, first.Id, second.Id], events.Select(e => e.MessageId!.Value));
        Assert.Equal((2L, 3L, 5L), (first.Sequence, second.Sequence, room.LastSequence));
    }

    [Fact]
    public void A_message_keeps_its_author_time_and_exact_text()
    {
        var (room, owner) = _rooms.Create();
        const string text = "  <img src=x onerror=alert(1)>\n";

        var message = room.Send(owner, text, "c1", null, Clock);

        Assert.Equal((text, (UserId?)owner.UserId, Clock.UtcNow, MessageKind.User, "c1"), (message.Text, message.AuthorId, message.SentAt, message.Kind, message.ClientMessageId));
    }

    [Fact]
    public void A_retry_with_the_same_client_id_returns_the_first_message_and_other_text_conflicts()
    {
        var (room, owner) = _rooms.Create();
        var first = room.Send(owner, "hello", "c1", null, Clock);
        room.TakeNewRecords();

        Assert.Same(first, room.Send(owner, "hello", "c1", first, Clock));
        Assert.True(room.TakeNewRecords().IsEmpty);
        Refused.With(ErrorCodes.Conflict, () => room.Send(owner, "hullo", "c1", first, Clock));

        room.Delete(owner, first, Clock);
        Assert.Same(first, room.Send(owner, "hello", "c1", first, Clock));
    }

    [Fact]
    public void Non_members_the_muted_and_the_banned_cannot_send()
    {
        var (room, owner) = _rooms.Create();
        var muted = TestRooms.Joined(room, owner, Clock);
        var banned = TestRooms.Joined(room, owner, Clock);
        var left = TestRooms.Joined(room, owner, Clock);
        room.Mute(owner, muted, Clock.UtcNow.AddMinutes(5), Clock);
        room.Ban(owner, banned.UserId, banned, Clock);
        room.Leave(left, Clock);
        var before = room.LastSequence;

        Refused.With(ErrorCodes.NotAMember, () => room.Send(null, "hi", "c", null, Clock));
        Refused.With(ErrorCodes.NotAMember, () => room.Send(left, "hi", "c", null, Clock));
        Refused.With(ErrorCodes.Muted, () => room.Send(muted, "hi", "c", null, Clock));
        Refused.With(ErrorCodes.Banned, () => room.Send(banned, "hi", "c", null, Clock));
        Assert.Equal(before, room.LastSequence);

        Clock.UtcNow = muted.MutedUntil!.Value;
        Assert.Equal(before + 1, room.Send(muted, "back", "c", null, Clock).Sequence);
    }

    [Fact]
    public void The_checks_of_a_send_refuse_what_send_refuses_and_change_nothing()
    {
        var (room, owner) = _rooms.Create();
        var muted = TestRooms.Joined(room, owner, Clock);
        room.Mute(owner, muted, Clock.UtcNow.AddMinutes(5), Clock);
        room.TakeNewRecords();
        var before = room.LastSequence;

        Refused.With(ErrorCodes.NotAMember, () => room.EnsureCanSendMessage(null, "hi", "c", Clock));
        Refused.With(ErrorCodes.Muted, () => room.EnsureCanSendMessage(muted, "hi", "c", Clock));
        Refused.With(ErrorCodes.InvalidText, () => room.EnsureCanSendMessage(muted, "\u0007", "c", Clock));
        room.EnsureCanSendMessage(owner, "hi", "c", Clock);

        Assert.Equal(before, room.LastSequence);
        Assert.True(room.TakeNewRecords().IsEmpty);
    }

    [Fact]
    public void Invalid_text_takes_no_sequence()
    {
        var (room, owner) = _rooms.Create();

        Refused.With(ErrorCodes.MessageTooLong, () => room.Send(owner, new string('a', 4001), "c", null, Clock));
        Refused.With(ErrorCodes.InvalidText, () => room.Send(owner, "\u0007", "c", null, Clock));
        Assert.Equal(1, room.LastSequence);
    }

    [Fact]
    public void Only_the_author_edits_and_the_edit_is_timed()
    {
        var (room, owner) = _rooms.Create();
        var member = TestRooms.Joined(room, owner, Clock);
        var message = room.Send(member, "draft", "c1", null, Clock);

        Refused.With(ErrorCodes.Forbidden, () => room.Edit(owner, message, "hijacked", Clock));
        Clock.UtcNow = Clock.UtcNow.AddMinutes(1);
        room.Edit(member, message, "final", Clock);

        Assert.Equal(("final", (DateTimeOffset?)Clock.UtcNow), (message.Text, message.EditedAt));
        room.Delete(member, message, Clock);
        Refused.With(ErrorCodes.InvalidState, () => room.Edit(member, message, "again", Clock));
    }

    [Fact]
    public void Authors_delete_their_own_moderators_delete_any_and_members_not_others()
    {
        var (room, owner) = _rooms.Create();
        var moderator = TestRooms.Moderator(room, owner, Clock);
        var alice = TestRooms.Joined(room, owner, Clock);
        var bob = TestRooms.Joined(room, owner, Clock);
        var byAlice = room.Send(alice, "alice", "a", null, Clock);
        var byOwner = room.Send(owner, "owner", "o", null, Clock);

        Refused.With(ErrorCodes.Forbidden, () => room.Delete(bob, byAlice, Clock));
        room.Delete(moderator, byAlice, Clock);
        room.Delete(moderator, byOwner, Clock);

        Assert.True(byAlice.IsDeleted);
        Assert.Equal((string.Empty, (UserId?)moderator.UserId), (byAlice.Text, byAlice.DeletedBy));
        Assert.Equal(byAlice.Sequence, byAlice.Sequence);
        room.TakeNewRecords();
        room.Delete(alice, byAlice, Clock);
        Assert.True(room.TakeNewRecords().IsEmpty);
    }

    [Fact]
    public void A_message_of_another_room_is_not_found()
    {
        var (room, owner) = _rooms.Create();
        var (other, otherOwner) = _rooms.Create();
        var message = other.Send(otherOwner, "elsewhere", "c", null, Clock);

        Refused.With(ErrorCodes.MessageNotFound, () => room.Delete(owner, message, Clock));
    }

    [Fact]
    public void An_election_room_belongs_to_the_election_and_posts_each_notice_once()
    {
        var election = TestElection.Draft(Clock);
        var room = ChatRoom.ForElection(election, Clock);
        var owner = room.TakeNewRecords().Members.Single();
        Assert.Equal((RoomKind.Election, (ElectionId?)election.Id, election.Title, election.CreatedBy, MemberRole.Owner), (room.Kind, room.ElectionId, room.Name, owner.UserId, owner.Role));

        var opened = room.PostElectionNotice(SystemNotice.ElectionOpened, null, Clock.UtcNow);
        Assert.Equal((MessageKind.System, (UserId?)null, "Voting is open.", ChatRoom.NoticeKey(SystemNotice.ElectionOpened)), (opened.Kind, opened.AuthorId, opened.Text, opened.ClientMessageId));
        Assert.Same(opened, room.PostElectionNotice(SystemNotice.ElectionOpened, opened, Clock.UtcNow));
        Assert.Single(room.TakeNewRecords().Messages);

        var (publicRoom, _) = _rooms.Create();
        Refused.With(ErrorCodes.InvalidState, () => publicRoom.PostElectionNotice(SystemNotice.ElectionClosed, null, Clock.UtcNow));
    }
}
