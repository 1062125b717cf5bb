using Voting.Domain.Users;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Accounts;

[GraphQLName("Role")]
[GraphQLDescription("What a user may do; a user holds any combination.")]
public enum UserRole
{
    [GraphQLDescription("Assigns roles.")]
    Admin,

    [GraphQLDescription("Creates and runs elections.")]
    ElectionOfficer,

    [GraphQLDescription("Votes; every registered user is one.")]
    Voter,

    [GraphQLDescription("Watches tallies and results where an election allows.")]
    Observer,
}

internal static class UserRoles
{
    public static IReadOnlyList<UserRole> From(Role roles) =>
        [.. Enum.GetValues<UserRole>().Where(r => (roles & ToDomain(r)) != Role.None)];

    public static Role ToDomain(UserRole role) => role switch
    {
        UserRole.Admin => Role.Admin,
        UserRole.ElectionOfficer => Role.ElectionOfficer,
        UserRole.Voter => Role.Voter,
        UserRole.Observer => Role.Observer,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
