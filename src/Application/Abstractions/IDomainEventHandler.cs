using Voting.Domain.Common;

namespace Voting.Application.Abstractions;

/// <summary>Reacts to one kind of committed domain event. Runs at least once per event: be idempotent.</summary>
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
