using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Users.LogIn;

public sealed record LogInCommand(string CitizenId, string Password);

/// <summary>The user whose password was checked; the API issues their tokens (ADR 0001).</summary>
public sealed record LogInResult(UserId UserId, Role Roles);

public sealed class LogInValidator : AbstractValidator<LogInCommand>
{
    public LogInValidator()
    {
        RuleFor(c => c.CitizenId).NotEmpty().MaximumLength(32);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(RegisterUser.RegisterUserValidator.MaxPasswordLength);
    }
}

public sealed class LogInHandler(
    IValidator<LogInCommand> validator,
    IUserRepository users,
    IPasswordHasher passwordHasher,
    IUnitOfWork unitOfWork)
{
    public async Task<LogInResult> HandleAsync(LogInCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var user = Domain.Users.CitizenId.TryParse(command.CitizenId, out var citizenId)
            ? await users.FindByCitizenIdAsync(citizenId, cancellationToken).ConfigureAwait(false)
            : null;
        if (user is null)
        {
            // Hashing costs what verifying does, so an unknown citizen ID answers as slowly as a wrong password.
            _ = passwordHasher.Hash(command.Password);
            throw InvalidCredentials();
        }

        var check = passwordHasher.Verify(user.PasswordHash, command.Password);
        if (check == PasswordCheck.Failed)
        {
            throw InvalidCredentials();
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            user.ChangePasswordHash(passwordHasher.Hash(command.Password));
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new LogInResult(user.Id, user.Roles);
    }

    private static DomainException InvalidCredentials() =>
        new(ErrorCodes.InvalidCredentials, "The citizen ID or password is incorrect.");
}
