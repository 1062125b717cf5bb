using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// Live tallies kept in an <see cref="ILiveTallyStore"/> (ADR 0032): each committed vote is applied once,
/// keyed by its sequence (a batch's votes in one step, ADR 0035), and a snapshot reads the store instead of
/// counting the ballots. When the store lost the tally, or a vote finds earlier sequences missing, the tally
/// is rebuilt from the database.
/// </summary>
/// <remarks>
/// A rebuild never loses a vote: ballots commit in sequence order (ADR 0023), so a count read after a
/// vote committed includes it and every ballot before it. Its compare-and-set keeps a later tally, so
/// <c>applied</c> never moves back, and the outbox's redeliveries of votes it covered are duplicates.
/// </remarks>
public sealed class StoredTallyCounts(ILiveTallyStore store, IElectionQueries queries) : ILiveTallyCounts
{
    public async Task ApplyAsync(VotesCast votes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(votes);
        var result = await store.ApplyAsync(votes.ElectionId, votes.FirstSequence, votes.Candidates, cancellationToken).ConfigureAwait(false);

        // A gap is another dispatcher's votes in flight, or votes counted into a tally Redis has since lost;
        // either way the database has them all, and one count covers every vote up to these.
        if (result is LiveTallyApplyResult.Missing or LiveTallyApplyResult.Gap)
        {
            await RebuildAsync(votes.ElectionId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The stored tally, first brought up to every committed ballot: the ballots after its version are
    /// read from the database (an index range, usually the few votes since the last snapshot) and added.
    /// </summary>
    /// <remarks>
    /// Why a snapshot does not just read Redis: the outbox delivers one election's votes one after the
    /// other, each waiting for a snapshot that counts it, and at most a few snapshots leave a second. A
    /// snapshot counting only the votes already applied would cover one vote each; one counting every
    /// committed ballot covers the votes still queued behind it too, which then find it published.
    /// </remarks>
    public async Task<BallotCounts> CountAsync(ElectionId electionId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.ReadAsync(electionId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return await RebuildAsync(electionId, cancellationToken).ConfigureAwait(false);
            }

            var missing = await queries.CountBallotsAfterAsync(electionId, stored.LastSequence, cancellationToken).ConfigureAwait(false);
            if (missing.LastSequence == stored.LastSequence)
            {
                return stored;
            }

            if (await store.AddAsync(electionId, stored.LastSequence, missing, cancellationToken).ConfigureAwait(false))
            {
                return Sum(stored, missing);
            }
        }

        // Other appliers keep moving it: what they stored already counts every vote applied before this call.
        return await store.ReadAsync(electionId, cancellationToken).ConfigureAwait(false)
            ?? await RebuildAsync(electionId, cancellationToken).ConfigureAwait(false);
    }

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

    private static BallotCounts Sum(BallotCounts stored, BallotCounts added)
    {
        var perCandidate = new Dictionary<CandidateId, long>(stored.PerCandidate);
        foreach (var (candidate, votes) in added.PerCandidate)
        {
            perCandidate[candidate] = perCandidate.GetValueOrDefault(candidate) + votes;
        }

        return new BallotCounts(perCandidate, added.LastSequence);
    }
}
