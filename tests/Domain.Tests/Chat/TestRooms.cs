using Voting.Domain.Chat;
using Voting.Domain.Tests.Support;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Chat;

/// <summary>Rooms with their members in known roles, and the clock they run on.</summary>
internal sealed class TestRooms
{
    public FakeClock Clock { get; } = new(new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero));

    public UserId Owner { get; } = UserId.New();

    public (ChatRoom Room, RoomMember Owner) Create(RoomKind kind = RoomKind.Public)
    {
        var room = ChatRoom.Create(kind, "Town square", Owner, Clock);
        var owner = room.TakeNewRecords().Members.Single();
        return (room, owner);
    }

    /// <summary>A new active member (joined, or invited and joined for a private room), with the welcome taken.</summary>
    public static RoomMember Joined(ChatRoom room, RoomMember owner, FakeClock clock)
    {
        var user = UserId.New();
        var invited = room.Kind == RoomKind.Private ? room.Invite(owner, user, null, clock) : null;
        var member = room.Join(user, invited, clock);
        room.TakeNewRecords();
        return member;
    }

    public static RoomMember Moderator(ChatRoom room, RoomMember owner, FakeClock clock)
    {
        var member = Joined(room, owner, clock);
        room.SetRole(owner, member, MemberRole.Moderator, clock);
        room.TakeNewRecords();
        return member;
    }
}
