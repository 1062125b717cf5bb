using Voting.Domain.Common;

namespace Voting.Domain.Elections.Events;

public sealed record ElectionCancelled(ElectionId ElectionId, DateTimeOffset OccurredAt) : IDomainEvent;
