namespace Voting.Domain.Common;

/// <summary>Something that happened to an aggregate; stored in the outbox in the same transaction.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
