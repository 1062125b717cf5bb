using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Voting.Application.Abstractions;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
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

        // The writer's DbContext serves the batches that follow (GroupCommitBallotBox): on SQLite the rows
        // SaveChanges stored stay tracked, and must not be carried into the next batch.
        db.ChangeTracker.Clear();
        var answers = new List<Action>(batch.Count);
        var transaction = await db.Database.BeginTransactionAsync(none).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var voterIds = batch.Select(q => q.Vote.VoterId).Distinct().ToList();
            var (last, status, voted) = db.Database.IsSqlite()
                ? await SqliteStartAsync(electionId, voterIds).ConfigureAwait(false)
                : await PostgresStartAsync(electionId, voterIds, transaction).ConfigureAwait(false);
            if (status != ElectionStatus.Open)
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

            // Sequences follow a random order of the batch, not the order the votes arrived in.
            var order = batch.ToArray();
            Random.Shared.Shuffle(order);
            var next = last;
            var cast = new List<CastVoteResult>(order.Length);
            List<OutboxMessage> events;
            try
            {
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
            }
            finally
            {
                // Even when a cast fails the batch: events of votes that will not commit must not
                // stay on a shared election for the next batch to store.
                events = TakeEvents(order);
            }

            if (cast.Count > 0)
            {
                // Participations go in in another random order, so that neither the insertion order
                // nor the batch's statements pair a participation with its ballot (ADR 0002).
                var participations = cast.Select(c => c.Participation).ToArray();
                Random.Shared.Shuffle(participations);
                await StoreAsync(electionId, participations, cast.Select(c => c.Ballot).ToList(), events, next).ConfigureAwait(false);
            }

            await transaction.CommitAsync(none).ConfigureAwait(false);
            if (events.Count > 0)
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

    /// <summary>
    /// PostgreSQL: in one round trip, (1) take the election's "BallotSequences" row lock and its last
    /// sequence, (2) read the election's status FOR SHARE, so that a transaction closing it waits for
    /// this batch or this batch sees it closed, and (3) read which of the voters already voted.
    /// Each statement takes its own snapshot (read committed), after the lock: whatever another
    /// instance's batch committed before is seen, so (3) is exact.
    /// </summary>
    private async Task<(long Last, ElectionStatus Status, HashSet<UserId> Voted)> PostgresStartAsync(
        ElectionId electionId, List<UserId> voterIds, IDbContextTransaction transaction)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction.GetDbTransaction())
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO "BallotSequences" ("ElectionId", "LastSequence") VALUES ($1, 0)
                    ON CONFLICT ("ElectionId") DO UPDATE SET "LastSequence" = "BallotSequences"."LastSequence"
                    RETURNING "LastSequence"
                    """) { Parameters = { new() { Value = electionId.Value } } },
                new NpgsqlBatchCommand("""SELECT "Status" FROM "Elections" WHERE "Id" = $1 FOR SHARE""")
                {
                    Parameters = { new() { Value = electionId.Value } },
                },
                new NpgsqlBatchCommand("""SELECT "VoterId" FROM "Participations" WHERE "ElectionId" = $1 AND "VoterId" = ANY($2)""")
                {
                    Parameters = { new() { Value = electionId.Value }, new() { Value = voterIds.Select(v => v.Value).ToArray() } },
                },
            },
        };
        await using (batch.ConfigureAwait(false))
        {
            var reader = await batch.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
                var last = reader.GetInt64(0);
                await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
                await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
                var status = (ElectionStatus)reader.GetInt32(0);
                await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false);
                var voted = new HashSet<UserId>();
                while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    voted.Add(new UserId(reader.GetGuid(0)));
                }

                return (last, status, voted);
            }
        }
    }

    /// <summary>SQLite: the same three reads; the first write takes the database's only write lock.</summary>
    private async Task<(long Last, ElectionStatus Status, HashSet<UserId> Voted)> SqliteStartAsync(ElectionId electionId, List<UserId> voterIds)
    {
        var none = CancellationToken.None;
        var last = (await db.Database.SqlQuery<long>($"""
            INSERT INTO "BallotSequences" ("ElectionId", "LastSequence") VALUES ({electionId.Value}, 0)
            ON CONFLICT ("ElectionId") DO UPDATE SET "LastSequence" = "BallotSequences"."LastSequence"
            RETURNING "LastSequence" AS "Value"
            """).ToListAsync(none).ConfigureAwait(false)).Single();
        var status = await db.Elections.Where(e => e.Id == electionId).Select(e => e.Status).SingleAsync(none).ConfigureAwait(false);
        var voted = await db.Participations
            .Where(p => p.ElectionId == electionId && voterIds.Contains(p.VoterId))
            .Select(p => p.VoterId)
            .ToListAsync(none).ConfigureAwait(false);
        return (last, status, voted.ToHashSet());
    }

    /// <summary>Takes the VoteCast events the batch raised off its elections, as outbox rows.</summary>
    private static List<OutboxMessage> TakeEvents(IEnumerable<QueuedVote> votes)
    {
        var messages = new List<OutboxMessage>();
        foreach (var election in votes.Select(q => q.Vote.Election).Distinct(ReferenceEqualityComparer.Instance).Cast<Election>())
        {
            messages.AddRange(election.DomainEvents.Select(OutboxSerializer.ToMessage));
            election.ClearDomainEvents();
        }

        return messages;
    }

    /// <summary>Inserts the batch's rows and raises "LastSequence" to <paramref name="last"/>.</summary>
    private async Task StoreAsync(ElectionId electionId, Participation[] participations, List<Ballot> ballots, List<OutboxMessage> events, long last)
    {
        var none = CancellationToken.None;
        if (db.Database.IsSqlite())
        {
            db.Participations.AddRange(participations);
            db.Ballots.AddRange(ballots);
            db.OutboxMessages.AddRange(events);
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "BallotSequences" SET "LastSequence" = {last} WHERE "ElectionId" = {electionId.Value}""", none).ConfigureAwait(false);
            await db.SaveChangesAsync(none).ConfigureAwait(false);
            return;
        }

        // PostgreSQL: one round trip of four statements, each row set a multi-row INSERT from arrays;
        // EF Core would send one INSERT per row and track every entity.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Participations" ("Id", "ElectionId", "VoterId", "VotedAt")
            SELECT * FROM unnest({participations.Select(p => p.Id).ToArray()}, {participations.Select(p => p.ElectionId.Value).ToArray()},
                {participations.Select(p => p.VoterId.Value).ToArray()}, {participations.Select(p => p.VotedAt).ToArray()});
            INSERT INTO "Ballots" ("Id", "ElectionId", "CandidateId", "ReceiptHash", "Sequence")
            SELECT * FROM unnest({ballots.Select(b => b.Id).ToArray()}, {ballots.Select(b => b.ElectionId.Value).ToArray()},
                {ballots.Select(b => b.CandidateId.Value).ToArray()}, {ballots.Select(b => b.ReceiptHash).ToArray()}, {ballots.Select(b => b.Sequence).ToArray()});
            INSERT INTO "OutboxMessages" ("Type", "Payload", "OccurredAt", "Attempts")
            SELECT t, p, o, 0 FROM unnest({events.Select(m => m.Type).ToArray()}, {events.Select(m => m.Payload).ToArray()}, {events.Select(m => m.OccurredAt).ToArray()}) AS e (t, p, o);
            UPDATE "BallotSequences" SET "LastSequence" = {last} WHERE "ElectionId" = {electionId.Value};
            """,
            none).ConfigureAwait(false);
    }

    private static DomainException AlreadyVoted() => new(ErrorCodes.AlreadyVoted, "You have already voted in this election.");
}
