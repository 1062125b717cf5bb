using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Domain.Tests.Support;

internal static class Voters
{
    public const string PasswordHash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";

    public static readonly PhoneNumber Phone = PhoneNumber.Parse("+66812345678");

    /// <summary>A freshly registered user, who holds the Voter role and nothing else.</summary>
    public static User Registered(IClock clock) => User.Register(CitizenIds.Unique(), Phone, PasswordHash, clock);

    /// <summary>A registered user who holds exactly <paramref name="roles"/>.</summary>
    public static User Holding(Role roles, IClock clock)
    {
        var user = Registered(clock);
        user.RevokeRole(Role.Voter);
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.None && roles.HasFlag(r)))
        {
            user.AssignRole(role);
        }

        Assert.Equal(roles, user.Roles);
        return user;
    }
}
