using Voting.Domain.Elections;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// A shared store of live tallies (Redis, ADR 0032): per election the ballots per candidate and
/// <c>applied</c>, the highest ballot sequence counted, with every sequence at or below it counted once.
/// It may forget an election at any time (a restart without persistence, FLUSHALL, expiry); the
/// database stays the truth it is rebuilt from.
/// </summary>
public interface ILiveTallyStore
{
    /// <summary>
    /// Counts ballots <paramref name="firstSequence"/>, <paramref name="firstSequence"/> + 1, … (the choice of
    /// each in <paramref name="candidates"/>, in sequence order) if the first of them not yet counted is the next
    /// one (applied + 1), in one atomic step with moving <c>applied</c> to the last: ballots at or below
    /// <c>applied</c> are skipped, so a batch delivered again, or partly counted by a rebuild, counts each ballot
    /// once. Never creates a tally: only <see cref="ReplaceAsync"/> does.
    /// </summary>
    /// <returns><see cref="LiveTallyApplyResult.Applied"/> when at least one ballot was counted.</returns>
    Task<LiveTallyApplyResult> ApplyAsync(ElectionId electionId, long firstSequence, IReadOnlyList<CandidateId> candidates, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="ballots"/>, the ballots after <paramref name="fromVersion"/> read from the database,
    /// if the tally still stands at <paramref name="fromVersion"/>, and moves <c>applied</c> to their last
    /// sequence; otherwise changes nothing (another applier moved it). True when added.
    /// </summary>
    Task<bool> AddAsync(ElectionId electionId, long fromVersion, BallotCounts ballots, CancellationToken cancellationToken);

    /// <summary>The stored tally (its <see cref="BallotCounts.LastSequence"/> is <c>applied</c>), or null when the store has none.</summary>
    Task<BallotCounts?> ReadAsync(ElectionId electionId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the tally with <paramref name="counts"/>, a count read from the database, unless the store
    /// already holds a later one (its <c>applied</c> above <see cref="BallotCounts.LastSequence"/>): a
    /// compare-and-set, so concurrent rebuilds and appliers end at the newest count. True when written.
    /// </summary>
    Task<bool> ReplaceAsync(ElectionId electionId, BallotCounts counts, CancellationToken cancellationToken);
}
