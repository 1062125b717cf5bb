using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.AdvanceScheduledElections;

/// <param name="BatchSize">The most elections advanced in one pass; the rest wait for the next.</param>
public sealed record AdvanceScheduledElectionsCommand(int BatchSize = 100);

/// <param name="Opened">Elections this pass opened.</param>
/// <param name="Closed">Elections this pass closed.</param>
/// <param name="Skipped">Due elections left alone: another instance or an officer moved them first, or a rule refused the step.</param>
/// <param name="NextDueAt">The earliest opening or closing time still ahead, to wake for; null when none.</param>
public sealed record AdvanceScheduledElectionsResult(int Opened, int Closed, int Skipped, DateTimeOffset? NextDueAt);

/// <summary>
/// Opens the Scheduled elections whose opening time has come and closes the Open ones whose closing
/// time has, acting as the system rather than a user. Each step is one optimistic-concurrency save
/// of one election, so two instances running it at once never both apply a step: the loser gets
/// CONFLICT, which here only means the work is done. A Scheduled election whose whole window passed
/// (the service was down) is left for an officer to cancel: opening it for no time would be a lie.
/// </summary>
public sealed class AdvanceScheduledElectionsHandler(
    IElectionSchedule schedule,
    IElectionRepository elections,
    IElectionQueries queries,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task<AdvanceScheduledElectionsResult> HandleAsync(AdvanceScheduledElectionsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.UtcNow;
        var due = await schedule.ListDueAsync(now, command.BatchSize, cancellationToken).ConfigureAwait(false);
        int opened = 0, closed = 0, skipped = 0;
        foreach (var id in due)
        {
            switch (await AdvanceAsync(id, now, cancellationToken).ConfigureAwait(false))
            {
                case ElectionStatus.Open:
                    opened++;
                    break;
                case ElectionStatus.Closed:
                    closed++;
                    break;
                default:
                    skipped++;
                    break;
            }
        }

        var next = await schedule.NextDueAtAsync(now, cancellationToken).ConfigureAwait(false);
        return new AdvanceScheduledElectionsResult(opened, closed, skipped, next);
    }

    /// <returns>The status the election reached, or null when this pass left it alone.</returns>
    private async Task<ElectionStatus?> AdvanceAsync(ElectionId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var election = await elections.GetAsync(id, cancellationToken).ConfigureAwait(false);
        try
        {
            switch (election)
            {
                case { Status: ElectionStatus.Scheduled } when election.OpensAt <= now && now < election.ClosesAt:
                    election.Open(clock);
                    break;
                case { Status: ElectionStatus.Open } when election.ClosesAt <= now:
                    var registeredVoters = election.Eligibility == EligibilityMode.AllRegisteredVoters
                        ? await queries.CountRegisteredVotersAsync(cancellationToken).ConfigureAwait(false)
                        : 0;
                    election.Close(clock, registeredVoters);
                    break;
                default:
                    // Gone, or already moved by another instance or an officer since it was listed.
                    return null;
            }

            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return election.Status;
        }
        catch (DomainException)
        {
            // CONFLICT: another instance saved this step first. INVALID_STATE: the election no longer
            // meets a rule of the step (say its candidates were removed while Scheduled); an officer
            // must act, and the next pass tries again. Either way the other elections still advance.
            return null;
        }
    }
}
