using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveStatus;

/// <summary>
/// Publishes every committed lifecycle step (delivered by the outbox, whoever made it: an officer or
/// the scheduler) as an <see cref="ElectionStatusChange"/>. A redelivery repeats the same change,
/// same status and time, which a watcher can recognise; nothing is ever lost.
/// </summary>
public sealed class PublishStatusOnChange(IElectionStatusPublisher publisher)
    : IDomainEventHandler<ElectionScheduled>,
      IDomainEventHandler<ElectionOpened>,
      IDomainEventHandler<ElectionClosed>,
      IDomainEventHandler<ElectionCancelled>,
      IDomainEventHandler<ElectionResultsPublished>
{
    public Task HandleAsync(ElectionScheduled domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PublishAsync(domainEvent.ElectionId, ElectionStatus.Scheduled, domainEvent.OccurredAt, cancellationToken);
    }

    public Task HandleAsync(ElectionOpened domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PublishAsync(domainEvent.ElectionId, ElectionStatus.Open, domainEvent.OccurredAt, cancellationToken);
    }

    public Task HandleAsync(ElectionClosed domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PublishAsync(domainEvent.ElectionId, ElectionStatus.Closed, domainEvent.OccurredAt, cancellationToken);
    }

    public Task HandleAsync(ElectionCancelled domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PublishAsync(domainEvent.ElectionId, ElectionStatus.Cancelled, domainEvent.OccurredAt, cancellationToken);
    }

    public Task HandleAsync(ElectionResultsPublished domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PublishAsync(domainEvent.ElectionId, ElectionStatus.ResultsPublished, domainEvent.OccurredAt, cancellationToken);
    }

    private Task PublishAsync(ElectionId electionId, ElectionStatus status, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        publisher.PublishAsync(new ElectionStatusChange(electionId, status, changedAt), cancellationToken);
}
