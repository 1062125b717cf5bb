using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Domain.Ballots;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Repositories;

internal sealed class BallotBox(VotingDbContext db) : IBallotBox
{
    public Task<bool> HasVotedAsync(ElectionId electionId, UserId voterId, CancellationToken cancellationToken) =>
        db.Participations.AnyAsync(p => p.ElectionId == electionId && p.VoterId == voterId, cancellationToken);

    public async Task<long> NextSequenceAsync(ElectionId electionId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A ballot sequence can only be taken inside the vote's transaction.");
        }

        // One atomic upsert: PostgreSQL locks the election's row until the vote commits, so
        // concurrent votes take 1, 2, 3, … in commit order and a rolled-back vote frees its number.
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO "BallotSequences" ("ElectionId", "LastSequence") VALUES ({electionId.Value}, 1)
            ON CONFLICT ("ElectionId") DO UPDATE SET "LastSequence" = "BallotSequences"."LastSequence" + 1
            RETURNING "LastSequence" AS "Value"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
        return next.Single();
    }

    public void Add(CastVoteResult vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        db.Participations.Add(vote.Participation);
        db.Ballots.Add(vote.Ballot);
    }
}
