using Voting.Domain.Common;

namespace Voting.Application.Abstractions;

/// <summary>
/// Delivers a committed domain event to whatever reacts to it (live tallies, subscriptions).
/// Called by the outbox dispatcher after the event's transaction committed, at least once per
/// event: handlers must be idempotent.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
