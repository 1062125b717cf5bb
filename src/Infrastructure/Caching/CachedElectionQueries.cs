using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence.Repositories;

namespace Voting.Infrastructure.Caching;

/// <summary>
/// The read side with <see cref="GetAsync"/> (an election with its candidates: what <c>election(id)</c>, candidates,
/// tallies, results, receipts and every tally publication read first) answered from <see cref="RedisElectionCache"/>.
/// The other reads change with every vote or are queries the caller shapes, so they go to the database as before.
/// </summary>
internal sealed class CachedElectionQueries(ElectionQueries database, RedisElectionCache cache) : IElectionQueries
{
    public Task<ElectionDetails?> GetAsync(ElectionId id, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(id, ct => database.GetAsync(id, ct), cancellationToken);

    public IQueryable<ElectionSummary> Summaries() => database.Summaries();

    public Task<CandidateDetails?> GetCandidateAsync(CandidateId id, CancellationToken cancellationToken) =>
        database.GetCandidateAsync(id, cancellationToken);

    public Task<DateTimeOffset?> FindParticipationAsync(ElectionId id, UserId voterId, CancellationToken cancellationToken) =>
        database.FindParticipationAsync(id, voterId, cancellationToken);

    public Task<IReadOnlyDictionary<ElectionId, IReadOnlyList<CandidateView>>> ListCandidatesAsync(IReadOnlyCollection<ElectionId> electionIds, CancellationToken cancellationToken) =>
        database.ListCandidatesAsync(electionIds, cancellationToken);

    public Task<BallotCounts> CountBallotsAsync(ElectionId id, CancellationToken cancellationToken) =>
        database.CountBallotsAsync(id, cancellationToken);

    public Task<BallotCounts> CountBallotsAfterAsync(ElectionId id, long afterSequence, CancellationToken cancellationToken) =>
        database.CountBallotsAfterAsync(id, afterSequence, cancellationToken);

    public Task<long> CountParticipationsAsync(ElectionId id, CancellationToken cancellationToken) =>
        database.CountParticipationsAsync(id, cancellationToken);

    public Task<long> CountRegisteredVotersAsync(CancellationToken cancellationToken) =>
        database.CountRegisteredVotersAsync(cancellationToken);

    public Task<long?> FindBallotSequenceAsync(ElectionId id, string receiptHash, CancellationToken cancellationToken) =>
        database.FindBallotSequenceAsync(id, receiptHash, cancellationToken);
}
