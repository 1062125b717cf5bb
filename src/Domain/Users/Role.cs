namespace Voting.Domain.Users;

/// <summary>What a user may do. A user holds any combination.</summary>
[Flags]
public enum Role
{
    None = 0,
    Admin = 1,
    ElectionOfficer = 2,
    Voter = 4,
    Observer = 8,
}
