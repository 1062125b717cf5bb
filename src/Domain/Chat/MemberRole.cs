namespace Voting.Domain.Chat;

/// <summary>A member's power in a room; a higher value outranks a lower one.</summary>
public enum MemberRole
{
    Member = 0,
    Moderator = 1,
    Owner = 2,
}
