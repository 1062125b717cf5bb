using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Tests.TestSupport;

internal static class TestUsers
{
    public const string Phone = "+66812345678";

    public static User Voter(IClock clock, long seed = 1, string passwordHash = "stored-hash") =>
        User.Register(CitizenId.Parse(CitizenIds.Valid(seed)), PhoneNumber.Parse(Phone), passwordHash, clock);

    /// <summary>A registered user who holds <paramref name="roles"/> and nothing else (not even Voter).</summary>
    public static User WithOnly(Role roles, IClock clock, long seed = 1)
    {
        var user = Voter(clock, seed);
        foreach (var role in new[] { Role.Admin, Role.ElectionOfficer, Role.Observer })
        {
            if ((roles & role) != Role.None)
            {
                user.AssignRole(role);
            }
        }

        if ((roles & Role.Voter) == Role.None)
        {
            user.RevokeRole(Role.Voter);
        }

        return user;
    }
}
