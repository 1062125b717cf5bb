using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>The read side: projections straight from storage, never tracked.</summary>
public interface IElectionQueries
{
    Task<ElectionDetails?> GetAsync(ElectionId id, CancellationToken cancellationToken);

    /// <summary>
    /// Every election, drafts included, as a query not yet run: callers add conditions, an order and
    /// a page, and the provider runs all of it as one query. Untracked.
    /// </summary>
    IQueryable<ElectionSummary> Summaries();

    /// <summary>The candidate and the election it stands in, or null when there is no such candidate.</summary>
    Task<CandidateDetails?> GetCandidateAsync(CandidateId id, CancellationToken cancellationToken);

    /// <summary>When <paramref name="voterId"/> took part in the election (to the hour, ADR 0002), or null when they have not.</summary>
    Task<DateTimeOffset?> FindParticipationAsync(ElectionId id, UserId voterId, CancellationToken cancellationToken);

    /// <summary>
    /// The candidates of several elections in one round trip, each list in ballot order; an election
    /// without candidates (or unknown) is absent. Batch loaders use it so a page of elections with
    /// their candidates costs two queries, not one per election.
    /// </summary>
    Task<IReadOnlyDictionary<ElectionId, IReadOnlyList<CandidateView>>> ListCandidatesAsync(IReadOnlyCollection<ElectionId> electionIds, CancellationToken cancellationToken);

    Task<BallotCounts> CountBallotsAsync(ElectionId id, CancellationToken cancellationToken);

    /// <summary>
    /// The ballots with a sequence above <paramref name="afterSequence"/> (an index range, not a count of
    /// the election): what a live tally at that version is missing. Its LastSequence is
    /// <paramref name="afterSequence"/> when there are none.
    /// </summary>
    Task<BallotCounts> CountBallotsAfterAsync(ElectionId id, long afterSequence, CancellationToken cancellationToken);

    Task<long> CountParticipationsAsync(ElectionId id, CancellationToken cancellationToken);

    /// <summary>Users holding the Voter role: the electorate of an election open to all registered voters.</summary>
    Task<long> CountRegisteredVotersAsync(CancellationToken cancellationToken);

    /// <summary>The sequence of the ballot whose receipt hashes to <paramref name="receiptHash"/>, if it is recorded.</summary>
    Task<long?> FindBallotSequenceAsync(ElectionId id, string receiptHash, CancellationToken cancellationToken);
}
