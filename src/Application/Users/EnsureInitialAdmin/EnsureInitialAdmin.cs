using Voting.Application.Abstractions;
using Voting.Application.Users.RegisterUser;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Users.EnsureInitialAdmin;

/// <summary>The first admin, named by configuration: registered with the given phone and password if absent.</summary>
public sealed record EnsureInitialAdminCommand(string CitizenId, string? Phone, string? Password);

public enum InitialAdminOutcome
{
    AlreadyAdmin,
    Promoted,
    Registered,
}

/// <summary>
/// Makes the configured citizen an admin at start-up, so a fresh system has someone who can assign
/// roles. Idempotent: running it on every start changes nothing once done.
/// </summary>
public sealed class EnsureInitialAdminHandler(IUserRepository users, IPasswordHasher passwordHasher, IUnitOfWork unitOfWork, IClock clock)
{
    public async Task<InitialAdminOutcome> HandleAsync(EnsureInitialAdminCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Domain.Users.CitizenId.TryParse(command.CitizenId, out var citizenId))
        {
            throw DomainException.Validation("The initial admin's citizen ID must be 13 digits with a valid check digit.");
        }

        var user = await users.FindByCitizenIdAsync(citizenId, cancellationToken).ConfigureAwait(false);
        if (user is { } existing && existing.HasRole(Role.Admin))
        {
            return InitialAdminOutcome.AlreadyAdmin;
        }

        var outcome = InitialAdminOutcome.Promoted;
        if (user is null)
        {
            if (!PhoneNumber.IsValid(command.Phone) || command.Password is not { Length: >= RegisterUserValidator.MinPasswordLength and <= RegisterUserValidator.MaxPasswordLength })
            {
                throw DomainException.Validation(
                    $"The initial admin is not registered yet: configure a phone in E.164 format and a password of {RegisterUserValidator.MinPasswordLength} to {RegisterUserValidator.MaxPasswordLength} characters.");
            }

            user = User.Register(citizenId, PhoneNumber.Parse(command.Phone!), passwordHasher.Hash(command.Password), clock);
            users.Add(user);
            outcome = InitialAdminOutcome.Registered;
        }

        user.AssignRole(Role.Admin);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
