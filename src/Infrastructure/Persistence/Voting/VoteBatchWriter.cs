using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Infrastructure.Outbox;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>
/// Commits one batch of an election's votes in one transaction (ADR 0025): lock the election's
/// "BallotSequences" row, re-check that the election is open, find which voters already voted,
/// give the others consecutive sequences, insert every participation, ballot and VoteCast outbox
/// row, raise "LastSequence" once, commit, and only then answer each vote.
/// </summary>
internal sealed class VoteBatchWriter(VotingDbContext db, OutboxSignal outboxSignal, IOpenElections openElections)
{
    public async Task CommitAsync(ElectionId electionId, IReadOnlyList<QueuedVote> batch)
    {
        // The request that queued a vote may be gone: a batch, once started, is not cancelled by any of them.
        var none = CancellationToken.None;

        // The transaction is all or nothing; EF Core's savepoint around SaveChanges would only add two round trips.
        db.Database.AutoSavepointsEnabled = false;
        var answers = new List<Action>(batch.Count);
        var transaction = await db.Database.BeginTransactionAsync(none).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // First, so that on PostgreSQL the row lock orders this batch against every other
            // instance's: what they committed before is visible to the reads below.
            var last = (await db.Database.SqlQuery<long>($"""
                INSERT INTO "BallotSequences" ("ElectionId", "LastSequence") VALUES ({electionId.Value}, 0)
                ON CONFLICT ("ElectionId") DO UPDATE SET "LastSequence" = "BallotSequences"."LastSequence"
                RETURNING "LastSequence" AS "Value"
                """).ToListAsync(none).ConfigureAwait(false)).Single();

            if (await StatusAsync(electionId).ConfigureAwait(false) != ElectionStatus.Open)
            {
                // The votes were checked against an election remembered open: it is no longer.
                openElections.Forget(electionId);
                var closed = new DomainException(ErrorCodes.ElectionNotOpen, "The election is not open for voting.");
                foreach (var queued in batch)
                {
                    queued.Fail(closed);
                }

                return;
            }

            var voterIds = batch.Select(q => q.Vote.VoterId).Distinct().ToList();
            var voted = (await db.Participations
                .Where(p => p.ElectionId == electionId && voterIds.Contains(p.VoterId))
                .Select(p => p.VoterId)
                .ToListAsync(none).ConfigureAwait(false)).ToHashSet();

            // Sequences follow a random order of the batch, not the order the votes arrived in.
            var order = batch.ToArray();
            Random.Shared.Shuffle(order);
            var next = last;
            var cast = new List<CastVoteResult>(order.Length);
            foreach (var queued in order)
            {
                if (voted.Contains(queued.Vote.VoterId))
                {
                    answers.Add(() => queued.Fail(AlreadyVoted()));
                    continue;
                }

                CastVoteResult result;
                try
                {
                    result = queued.Vote.Cast(next + 1);
                }
                catch (DomainException refused)
                {
                    // The rules, checked again now (the election may have reached its closing time).
                    answers.Add(() => queued.Fail(refused));
                    continue;
                }

                next++;
                voted.Add(queued.Vote.VoterId);
                cast.Add(result);
                answers.Add(() => queued.Succeed(result));
            }

            var wroteEvents = StageEvents(order);
            if (cast.Count > 0)
            {
                // Participations go in in another random order, so that neither the insertion order
                // nor the batch's statements pair a participation with its ballot (ADR 0002).
                var participations = cast.Select(c => c.Participation).ToArray();
                Random.Shared.Shuffle(participations);
                db.Participations.AddRange(participations);
                db.Ballots.AddRange(cast.Select(c => c.Ballot));
                await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "BallotSequences" SET "LastSequence" = {next} WHERE "ElectionId" = {electionId.Value}""",
                    none).ConfigureAwait(false);
            }

            await db.SaveChangesAsync(none).ConfigureAwait(false);
            await transaction.CommitAsync(none).ConfigureAwait(false);
            if (wroteEvents)
            {
                outboxSignal.Notify();
            }
        }

        // Only now: a vote is acknowledged after the commit that holds it.
        foreach (var answer in answers)
        {
            answer();
        }
    }

    private async Task<ElectionStatus> StatusAsync(ElectionId electionId)
    {
        if (db.Database.IsSqlite())
        {
            // SQLite has one writer: this transaction already holds the database's write lock.
            return await db.Elections.Where(e => e.Id == electionId).Select(e => e.Status)
                .SingleAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // FOR SHARE: a transaction closing the election waits for this batch, or this batch sees it closed.
        var status = await db.Database.SqlQuery<int>(
                $"""SELECT "Status" AS "Value" FROM "Elections" WHERE "Id" = {electionId.Value} FOR SHARE""")
            .ToListAsync(CancellationToken.None).ConfigureAwait(false);
        return (ElectionStatus)status.Single();
    }

    /// <summary>Turns the VoteCast events the batch raised into outbox rows of this transaction.</summary>
    private bool StageEvents(IEnumerable<QueuedVote> votes)
    {
        var staged = false;
        foreach (var election in votes.Select(q => q.Vote.Election).Distinct(ReferenceEqualityComparer.Instance).Cast<Election>())
        {
            foreach (var domainEvent in election.DomainEvents)
            {
                db.OutboxMessages.Add(OutboxSerializer.ToMessage(domainEvent));
                staged = true;
            }

            election.ClearDomainEvents();
        }

        return staged;
    }

    private static DomainException AlreadyVoted() => new(ErrorCodes.AlreadyVoted, "You have already voted in this election.");
}
