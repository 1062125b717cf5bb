using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// Live tallies kept in an <see cref="ILiveTallyStore"/> (ADR 0031): each committed vote is applied once,
/// keyed by its sequence, and a snapshot reads the store instead of counting the ballots. When the store
/// lost the tally, or a vote finds earlier sequences missing, the tally is rebuilt from the database.
/// </summary>
/// <remarks>
/// A rebuild never loses a vote: ballots commit in sequence order (ADR 0023), so a count read after a
/// vote committed includes it and every ballot before it. Its compare-and-set keeps a later tally, so
/// <c>applied</c> never moves back, and the outbox's redeliveries of votes it covered are duplicates.
/// </remarks>
public sealed class StoredTallyCounts(ILiveTallyStore store, IElectionQueries queries) : ILiveTallyCounts
{
    public async Task ApplyAsync(VoteCast vote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var result = await store.ApplyAsync(vote.ElectionId, vote.CandidateId, vote.Sequence, cancellationToken).ConfigureAwait(false);

        // A gap is another dispatcher's votes in flight, or votes counted into a tally Redis has since lost;
        // either way the database has them all, and one count covers every vote up to this one.
        if (result is LiveTallyApplyResult.Missing or LiveTallyApplyResult.Gap)
        {
            await RebuildAsync(vote.ElectionId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<BallotCounts> CountAsync(ElectionId electionId, CancellationToken cancellationToken) =>
        await store.ReadAsync(electionId, cancellationToken).ConfigureAwait(false)
        ?? await RebuildAsync(electionId, cancellationToken).ConfigureAwait(false);

    /// <summary>Counts the election's ballots and stores the count unless the store already holds a later one; returns the tally that stands.</summary>
    public async Task<BallotCounts> RebuildAsync(ElectionId electionId, CancellationToken cancellationToken)
    {
        var counts = await queries.CountBallotsAsync(electionId, cancellationToken).ConfigureAwait(false);
        if (await store.ReplaceAsync(electionId, counts, cancellationToken).ConfigureAwait(false))
        {
            return counts;
        }

        return await store.ReadAsync(electionId, cancellationToken).ConfigureAwait(false) ?? counts;
    }
}
