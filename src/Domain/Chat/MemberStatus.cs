namespace Voting.Domain.Chat;

/// <summary>Where a user stands with a room. A member row is kept after leaving so a ban and a first join are remembered.</summary>
public enum MemberStatus
{
    /// <summary>Invited to a private room, not joined yet.</summary>
    Invited = 0,

    Active = 1,

    Left = 2,

    /// <summary>Removed by a moderator; may join a public room again, a private one only when invited again.</summary>
    Kicked = 3,

    /// <summary>Removed for good: cannot join, read or be invited again.</summary>
    Banned = 4,
}
