using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Repositories;

internal sealed class ElectionRepository(VotingDbContext db) : IElectionRepository
{
    public Task<Election?> GetAsync(ElectionId id, CancellationToken cancellationToken) =>
        db.Elections.Include(e => e.Candidates).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public void Add(Election election) => db.Elections.Add(election);

    public async Task ReplaceVoterRollAsync(ElectionId electionId, VoterRoll? roll, CancellationToken cancellationToken)
    {
        await db.VoterRollEntries.Where(v => v.ElectionId == electionId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (roll is not null)
        {
            db.VoterRollEntries.AddRange(roll.CitizenIds.Select(c => new VoterRollEntry { ElectionId = electionId, CitizenId = c }));
        }
    }

    public Task<bool> IsOnVoterRollAsync(ElectionId electionId, CitizenId citizenId, CancellationToken cancellationToken) =>
        db.VoterRollEntries.AnyAsync(v => v.ElectionId == electionId && v.CitizenId == citizenId, cancellationToken);
}
