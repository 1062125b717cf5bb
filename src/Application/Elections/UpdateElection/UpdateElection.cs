using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.UpdateElection;

public sealed record UpdateElectionCommand(
    ElectionId ElectionId,
    string Title,
    string? Description,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ResultsVisibility ResultsVisibility);

public sealed class UpdateElectionValidator : AbstractValidator<UpdateElectionCommand>
{
    public UpdateElectionValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Election.MaxTitleLength);
        RuleFor(c => c.Description).MaximumLength(Election.MaxDescriptionLength);
        RuleFor(c => c.OpensAt).Must(t => t.Offset == TimeSpan.Zero).WithMessage("The opening time must be given in UTC.");
        RuleFor(c => c.ClosesAt).Must(t => t.Offset == TimeSpan.Zero).WithMessage("The closing time must be given in UTC.");
        RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt).WithMessage("The closing time must come after the opening time.");
        RuleFor(c => c.ResultsVisibility).IsInEnum();
    }
}

public sealed class UpdateElectionHandler(
    IValidator<UpdateElectionCommand> validator,
    ICurrentUser currentUser,
    IElectionRepository elections,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task HandleAsync(UpdateElectionCommand command, CancellationToken cancellationToken)
    {
        currentUser.RequireAnyRole(Access.Officials);
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var election = await elections.GetRequiredAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        election.UpdateDetails(command.Title, command.Description, command.OpensAt, command.ClosesAt, command.ResultsVisibility, clock);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
