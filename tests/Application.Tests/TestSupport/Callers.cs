using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Domain.Users;

namespace Voting.Application.Tests.TestSupport;

/// <summary>Who is calling: substitutes for <see cref="ICurrentUser"/>.</summary>
internal static class Callers
{
    public static ICurrentUser Anonymous()
    {
        var caller = Substitute.For<ICurrentUser>();
        caller.Id.Returns((UserId?)null);
        caller.Roles.Returns(Role.None);
        return caller;
    }

    public static ICurrentUser SignedIn(Role roles, UserId? id = null)
    {
        var caller = Substitute.For<ICurrentUser>();
        caller.Id.Returns(id ?? UserId.New());
        caller.Roles.Returns(roles);
        return caller;
    }

    public static ICurrentUser Admin() => SignedIn(Role.Admin);

    public static ICurrentUser Voter() => SignedIn(Role.Voter);
}
