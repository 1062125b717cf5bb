using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Users.RegisterUser;

public sealed record RegisterUserCommand(string CitizenId, string Phone, string Password);

public sealed class RegisterUserValidator : AbstractValidator<RegisterUserCommand>
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public RegisterUserValidator()
    {
        RuleFor(c => c.CitizenId).Must(Domain.Users.CitizenId.IsValid)
            .WithMessage("Citizen ID must be 13 digits with a valid check digit.");
        RuleFor(c => c.Phone).Must(PhoneNumber.IsValid)
            .WithMessage("Phone must be in E.164 format, for example +66812345678.");
        RuleFor(c => c.Password).Cascade(CascadeMode.Stop).NotEmpty().Length(MinPasswordLength, MaxPasswordLength)
            .WithMessage($"Password must be {MinPasswordLength} to {MaxPasswordLength} characters.");
    }
}

public sealed class RegisterUserHandler(
    IValidator<RegisterUserCommand> validator,
    IUserRepository users,
    IPasswordHasher passwordHasher,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task<UserId> HandleAsync(RegisterUserCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var citizenId = CitizenId.Parse(command.CitizenId);
        if (await users.CitizenIdTakenAsync(citizenId, cancellationToken).ConfigureAwait(false))
        {
            throw new DomainException(ErrorCodes.DuplicateCitizenId, "This citizen ID is already registered.");
        }

        var user = User.Register(citizenId, PhoneNumber.Parse(command.Phone), passwordHasher.Hash(command.Password), clock);
        users.Add(user);

        // Two registrations racing past the check above meet the unique index, which the unit of
        // work reports as DUPLICATE_CITIZEN_ID.
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return user.Id;
    }
}
