using Voting.Domain.Common;

namespace Voting.Domain.Elections.Events;

public sealed record ElectionOpened(ElectionId ElectionId, DateTimeOffset OccurredAt) : IDomainEvent;
