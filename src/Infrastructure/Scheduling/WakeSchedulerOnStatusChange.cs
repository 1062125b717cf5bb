using Voting.Application.Abstractions;
using Voting.Domain.Elections.Events;

namespace Voting.Infrastructure.Scheduling;

/// <summary>
/// A newly scheduled election may open sooner than the scheduler's next wake-up, and a newly opened
/// one may close sooner; either makes it look again at once instead of after a whole poll interval.
/// </summary>
internal sealed class WakeSchedulerOnStatusChange(SchedulerSignal signal) : IDomainEventHandler<ElectionScheduled>, IDomainEventHandler<ElectionOpened>
{
    public Task HandleAsync(ElectionScheduled domainEvent, CancellationToken cancellationToken)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public Task HandleAsync(ElectionOpened domainEvent, CancellationToken cancellationToken)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
