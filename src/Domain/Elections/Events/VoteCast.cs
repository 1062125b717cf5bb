using Voting.Domain.Common;

namespace Voting.Domain.Elections.Events;

/// <summary>
/// A ballot was recorded. It names the choice and the ballot's sequence, never the voter, so the
/// live tally can apply it idempotently (keyed by the sequence) without learning who voted.
/// </summary>
public sealed record VoteCast(ElectionId ElectionId, CandidateId CandidateId, long Sequence, DateTimeOffset OccurredAt)
    : IDomainEvent;
