using Voting.Domain.Common;

namespace Voting.Domain.Elections.Events;

public sealed record ElectionClosed(ElectionId ElectionId, DateTimeOffset OccurredAt) : IDomainEvent;
