using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.AddCandidate;

public sealed record AddCandidateCommand(ElectionId ElectionId, string Name, string? Description, int? DisplayOrder = null);

public sealed class AddCandidateValidator : AbstractValidator<AddCandidateCommand>
{
    public AddCandidateValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Candidate.MaxNameLength);
        RuleFor(c => c.Description).MaximumLength(Candidate.MaxDescriptionLength);
        RuleFor(c => c.DisplayOrder).GreaterThanOrEqualTo(0);
    }
}

public sealed class AddCandidateHandler(
    IValidator<AddCandidateCommand> validator,
    ICurrentUser currentUser,
    IElectionRepository elections,
    IUnitOfWork unitOfWork)
{
    public async Task<CandidateId> HandleAsync(AddCandidateCommand command, CancellationToken cancellationToken)
    {
        currentUser.RequireAnyRole(Access.Officials);
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var election = await elections.GetRequiredAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        var candidate = election.AddCandidate(command.Name, command.Description, command.DisplayOrder);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return candidate.Id;
    }
}
