using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Repositories;

internal sealed class ElectionQueries(VotingDbContext db) : IElectionQueries
{
    public async Task<ElectionDetails?> GetAsync(ElectionId id, CancellationToken cancellationToken)
    {
        var election = await db.Elections.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new
            {
                e.Id, e.Title, e.Description, e.Status, e.OpensAt, e.ClosesAt, e.BallotKind, e.ResultsVisibility,
                e.Eligibility, e.VoterRollHash, e.VoterRollSize, e.CreatedAt, e.OpenedAt, e.ClosedAt, e.Electorate,
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (election is null)
        {
            return null;
        }

        var candidates = await db.Candidates.AsNoTracking()
            .Where(c => c.ElectionId == id)
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name)
            .Select(c => new CandidateView(c.Id, c.Name, c.Description, c.DisplayOrder))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ElectionDetails(
            election.Id, election.Title, election.Description, election.Status, election.OpensAt, election.ClosesAt,
            election.BallotKind, election.ResultsVisibility, election.Eligibility, election.VoterRollHash, election.VoterRollSize,
            election.CreatedAt, election.OpenedAt, election.ClosedAt, candidates, election.Electorate);
    }

    public IQueryable<ElectionSummary> Summaries() =>
        db.Elections.AsNoTracking().Select(e => new ElectionSummary
        {
            // EF Core cannot translate ElectionId.Value on a value-converted column; the cast through
            // object makes it read the column as its store type, so conditions and orders on Id translate.
            Id = (Guid)(object)e.Id,
            Title = e.Title,
            Description = e.Description,
            Status = e.Status,
            OpensAt = e.OpensAt,
            ClosesAt = e.ClosesAt,
            ResultsVisibility = e.ResultsVisibility,
            CandidateCount = e.Candidates.Count,
        });

    public Task<CandidateDetails?> GetCandidateAsync(CandidateId id, CancellationToken cancellationToken) =>
        db.Candidates.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CandidateDetails(c.ElectionId, new CandidateView(c.Id, c.Name, c.Description, c.DisplayOrder)))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<DateTimeOffset?> FindParticipationAsync(ElectionId id, UserId voterId, CancellationToken cancellationToken) =>
        db.Participations.AsNoTracking()
            .Where(p => p.ElectionId == id && p.VoterId == voterId)
            .Select(p => (DateTimeOffset?)p.VotedAt)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<ElectionId, IReadOnlyList<CandidateView>>> ListCandidatesAsync(IReadOnlyCollection<ElectionId> electionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(electionIds);
        if (electionIds.Count == 0)
        {
            return new Dictionary<ElectionId, IReadOnlyList<CandidateView>>();
        }

        var ids = electionIds.Distinct().ToList();
        var rows = await db.Candidates.AsNoTracking()
            .Where(c => ids.Contains(c.ElectionId))
            .OrderBy(c => c.DisplayOrder).ThenBy(c => c.Name)
            .Select(c => new { c.ElectionId, View = new CandidateView(c.Id, c.Name, c.Description, c.DisplayOrder) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.ElectionId).ToDictionary(g => g.Key, g => (IReadOnlyList<CandidateView>)[.. g.Select(r => r.View)]);
    }

    public Task<BallotCounts> CountBallotsAsync(ElectionId id, CancellationToken cancellationToken) =>
        CountBallotsAfterAsync(id, 0, cancellationToken);

    public async Task<BallotCounts> CountBallotsAfterAsync(ElectionId id, long afterSequence, CancellationToken cancellationToken)
    {
        var rows = await db.Ballots.AsNoTracking()
            .Where(b => b.ElectionId == id && b.Sequence > afterSequence)
            .GroupBy(b => b.CandidateId)
            .Select(g => new { CandidateId = g.Key, Votes = g.LongCount(), Last = g.Max(b => b.Sequence) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new BallotCounts(
            rows.ToDictionary(r => r.CandidateId, r => r.Votes),
            rows.Count == 0 ? afterSequence : rows.Max(r => r.Last));
    }

    public Task<long> CountParticipationsAsync(ElectionId id, CancellationToken cancellationToken) =>
        db.Participations.LongCountAsync(p => p.ElectionId == id, cancellationToken);

    public Task<long> CountRegisteredVotersAsync(CancellationToken cancellationToken) =>
        db.Users.LongCountAsync(u => (u.Roles & Role.Voter) == Role.Voter, cancellationToken);

    public Task<long?> FindBallotSequenceAsync(ElectionId id, string receiptHash, CancellationToken cancellationToken) =>
        db.Ballots.AsNoTracking()
            .Where(b => b.ElectionId == id && b.ReceiptHash == receiptHash)
            .Select(b => (long?)b.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
}
