using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.RemoveCandidate;

public sealed record RemoveCandidateCommand(ElectionId ElectionId, CandidateId CandidateId);

public sealed class RemoveCandidateHandler(ICurrentUser currentUser, IElectionRepository elections, IUnitOfWork unitOfWork)
{
    public async Task HandleAsync(RemoveCandidateCommand command, CancellationToken cancellationToken)
    {
        currentUser.RequireAnyRole(Access.Officials);
        var election = await elections.GetRequiredAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        election.RemoveCandidate(command.CandidateId);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
