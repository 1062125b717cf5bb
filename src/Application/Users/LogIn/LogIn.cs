using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Application.Users.Sessions;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Users.LogIn;

public sealed record LogInCommand(string CitizenId, string Password, ClientInfo? Client = null);

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
    ISessionRepository sessions,
    SessionOptions options,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    /// <summary>Checks the password and starts a session; the API adds the access token (ADR 0001).</summary>
    public async Task<SessionGrant> HandleAsync(LogInCommand command, CancellationToken cancellationToken)
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
        }

        var sessionId = SessionId.New();
        var (token, hash) = RefreshTokens.Issue(sessionId);
        var client = command.Client ?? ClientInfo.Unknown;
        var session = Session.Start(sessionId, user.Id, hash, options.RefreshTokenLifetime, client.UserAgent, client.Address, clock);
        sessions.Add(session);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new SessionGrant(user.Id, user.Roles, session.Id, token, session.ExpiresAt);
    }

    private static DomainException InvalidCredentials() =>
        new(ErrorCodes.InvalidCredentials, "The citizen ID or password is incorrect.");
}
