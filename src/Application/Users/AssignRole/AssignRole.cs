using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Users.AssignRole;

public sealed record AssignRoleCommand(UserId UserId, Role Role);

/// <summary>Gives a user one more role; admins only. Takes effect at the user's next login or token refresh.</summary>
public sealed class AssignRoleHandler(ICurrentUser caller, IUserRepository users, IUnitOfWork unitOfWork)
{
    public async Task<Role> HandleAsync(AssignRoleCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        caller.RequireAnyRole(Role.Admin);
        var user = await users.GetAsync(command.UserId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.NotFound, "No user has this ID.");
        user.AssignRole(command.Role);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return user.Roles;
    }
}
