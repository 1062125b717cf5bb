using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Common;

internal static class Access
{
    public const Role Officials = Role.Admin | Role.ElectionOfficer;

    public static UserId RequireSignedIn(this ICurrentUser user) =>
        user.Id ?? throw new DomainException(ErrorCodes.Unauthenticated, "You must be signed in.");

    /// <summary>The caller's ID, if they hold at least one of <paramref name="anyOf"/>.</summary>
    public static UserId RequireAnyRole(this ICurrentUser user, Role anyOf)
    {
        var id = user.RequireSignedIn();
        return (user.Roles & anyOf) != Role.None
            ? id
            : throw new DomainException(ErrorCodes.Forbidden, "You are not allowed to do this.");
    }

    public static bool IsOfficial(this ICurrentUser user) => user.Id is not null && (user.Roles & Officials) != Role.None;
}
