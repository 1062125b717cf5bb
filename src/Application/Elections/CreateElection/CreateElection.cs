using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Chat;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.CreateElection;

public sealed record CreateElectionCommand(
    string Title,
    string? Description,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    BallotKind BallotKind = BallotKind.SingleChoice,
    ResultsVisibility ResultsVisibility = ResultsVisibility.AfterClose);

public sealed class CreateElectionValidator : AbstractValidator<CreateElectionCommand>
{
    public CreateElectionValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Election.MaxTitleLength);
        RuleFor(c => c.Description).MaximumLength(Election.MaxDescriptionLength);
        RuleFor(c => c.OpensAt).Must(t => t.Offset == TimeSpan.Zero).WithMessage("The opening time must be given in UTC.");
        RuleFor(c => c.ClosesAt).Must(t => t.Offset == TimeSpan.Zero).WithMessage("The closing time must be given in UTC.");
        RuleFor(c => c.ClosesAt).GreaterThan(c => c.OpensAt).WithMessage("The closing time must come after the opening time.");
        RuleFor(c => c.BallotKind).IsInEnum();
        RuleFor(c => c.ResultsVisibility).IsInEnum();
    }
}

public sealed class CreateElectionHandler(
    IValidator<CreateElectionCommand> validator,
    ICurrentUser currentUser,
    IElectionRepository elections,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task<ElectionId> HandleAsync(CreateElectionCommand command, CancellationToken cancellationToken)
    {
        var officer = currentUser.RequireAnyRole(Access.Officials);
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var election = Election.Create(
            command.Title,
            command.Description,
            command.OpensAt,
            command.ClosesAt,
            command.BallotKind,
            command.ResultsVisibility,
            officer,
            clock);
        elections.Add(election);

        // The election's room is saved with it, so no election ever lacks one.
        var room = ChatRoom.ForElection(election, clock);
        chat.Add(room);
        chat.Add(room.TakeNewRecords());
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return election.Id;
    }
}
