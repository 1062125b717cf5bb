namespace Voting.Domain.Chat;

/// <summary>Everything that takes a place in a room's sequence.</summary>
public enum RoomEventKind
{
    MessageAdded = 0,
    MessageEdited = 1,
    MessageDeleted = 2,
    MemberJoined = 3,
    MemberLeft = 4,
    MemberInvited = 5,
    MemberKicked = 6,
    MemberBanned = 7,
    MemberMuted = 8,
    MemberRoleChanged = 9,

    /// <summary>A ban was lifted: the user may join again (a private room only when invited again).</summary>
    MemberUnbanned = 10,
}
