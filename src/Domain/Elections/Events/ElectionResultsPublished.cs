using Voting.Domain.Common;

namespace Voting.Domain.Elections.Events;

public sealed record ElectionResultsPublished(ElectionId ElectionId, DateTimeOffset OccurredAt) : IDomainEvent;
