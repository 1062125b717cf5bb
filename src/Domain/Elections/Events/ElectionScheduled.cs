using Voting.Domain.Common;

namespace Voting.Domain.Elections.Events;

public sealed record ElectionScheduled(ElectionId ElectionId, DateTimeOffset OccurredAt) : IDomainEvent;
