using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.ChangeElectionStatus;

/// <summary>One step of an election's lifecycle; each maps to one intent method of <see cref="Election"/>.</summary>
public enum ElectionTransition
{
    Schedule = 0,
    Open = 1,
    Close = 2,
    Cancel = 3,
    PublishResults = 4,
}

public sealed record ChangeElectionStatusCommand(ElectionId ElectionId, ElectionTransition Transition);

public sealed class ChangeElectionStatusHandler(
    ICurrentUser currentUser,
    IElectionRepository elections,
    IElectionQueries queries,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task<ElectionStatus> HandleAsync(ChangeElectionStatusCommand command, CancellationToken cancellationToken)
    {
        currentUser.RequireAnyRole(Access.Officials);
        var election = await elections.GetRequiredAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        var registeredVoters = command.Transition == ElectionTransition.Close && election.Eligibility == EligibilityMode.AllRegisteredVoters
            ? await queries.CountRegisteredVotersAsync(cancellationToken).ConfigureAwait(false)
            : 0;
        Action<IClock> transition = command.Transition switch
        {
            ElectionTransition.Schedule => election.Schedule,
            ElectionTransition.Open => election.Open,
            ElectionTransition.Close => c => election.Close(c, registeredVoters),
            ElectionTransition.Cancel => election.Cancel,
            ElectionTransition.PublishResults => election.PublishResults,
            _ => throw DomainException.Validation($"Unknown transition '{command.Transition}'."),
        };
        transition(clock);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return election.Status;
    }
}
