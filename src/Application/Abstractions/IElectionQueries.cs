using Voting.Application.Elections;
using Voting.Domain.Elections;

namespace Voting.Application.Abstractions;

/// <summary>The read side: projections straight from storage, never tracked.</summary>
public interface IElectionQueries
{
    Task<ElectionDetails?> GetAsync(ElectionId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ElectionSummary>> ListAsync(ElectionListFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The candidates of several elections in one round trip, each list in ballot order; an election
    /// without candidates (or unknown) is absent. Batch loaders use it so a page of elections with
    /// their candidates costs two queries, not one per election.
    /// </summary>
    Task<IReadOnlyDictionary<ElectionId, IReadOnlyList<CandidateView>>> ListCandidatesAsync(IReadOnlyCollection<ElectionId> electionIds, CancellationToken cancellationToken);

    Task<BallotCounts> CountBallotsAsync(ElectionId id, CancellationToken cancellationToken);

    Task<long> CountParticipationsAsync(ElectionId id, CancellationToken cancellationToken);

    /// <summary>Users holding the Voter role: the electorate of an election open to all registered voters.</summary>
    Task<long> CountRegisteredVotersAsync(CancellationToken cancellationToken);

    /// <summary>The sequence of the ballot whose receipt hashes to <paramref name="receiptHash"/>, if it is recorded.</summary>
    Task<long?> FindBallotSequenceAsync(ElectionId id, string receiptHash, CancellationToken cancellationToken);
}
