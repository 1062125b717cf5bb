using System.Data;
using Microsoft.EntityFrameworkCore;
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
/// "BallotSequences" row, re-check that the election is open, read the batch's voters (and, for an
/// election with a voter roll, which of them are on it) and which of them already voted, give the
/// others consecutive sequences, insert every participation, ballot and VoteCast outbox row, raise
/// "LastSequence" once, commit, and only then answer each vote. On PostgreSQL that is two round
/// trips: the reads after BEGIN, then the writes with COMMIT.
/// </summary>
internal sealed class VoteBatchWriter(VotingDbContext db, OutboxSignal outboxSignal, IOpenElections openElections)
{
    public async Task CommitAsync(ElectionId electionId, IReadOnlyList<QueuedVote> batch)
    {
        // The writer's DbContext serves the batches that follow (GroupCommitBallotBox): on SQLite the rows
        // SaveChanges stored stay tracked, and must not be carried into the next batch.
        db.ChangeTracker.Clear();
        var voterIds = batch.Select(q => q.Vote.VoterId).Distinct().ToList();
        var withRoll = batch[0].Vote.Election.Eligibility == EligibilityMode.VoterRoll;
        var answers = db.Database.IsSqlite()
            ? await SqliteCommitAsync(electionId, batch, voterIds, withRoll).ConfigureAwait(false)
            : await PostgresCommitAsync(electionId, batch, voterIds, withRoll).ConfigureAwait(false);

        // Only now: a vote is acknowledged after the commit that holds it.
        foreach (var answer in answers)
        {
            answer();
        }
    }

    /// <summary>
    /// PostgreSQL, in two round trips on the writer's connection, with the transaction's BEGIN and COMMIT
    /// sent as statements of those round trips (EF Core's transaction would send COMMIT in a third).
    /// First: BEGIN, (1) take the election's "BallotSequences" row lock and its last sequence, (2) read
    /// the election's status FOR SHARE, so that a transaction closing it waits for this batch or this
    /// batch sees it closed, (3) read which of the voters already voted, (4) read the voters, (5) for an
    /// election with a voter roll, which of their citizen IDs are on it. Each statement takes its own
    /// snapshot (read committed), after the lock: whatever another instance's batch committed before is
    /// seen, so (3) is exact. Second: the inserts, the new "LastSequence", COMMIT.
    /// </summary>
    private async Task<List<Action>> PostgresCommitAsync(ElectionId electionId, IReadOnlyList<QueuedVote> batch, List<UserId> voterIds, bool withRoll)
    {
        var none = CancellationToken.None;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(none).ConfigureAwait(false);
        try
        {
            var ids = voterIds.Select(v => v.Value).ToArray();
            var start = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("BEGIN"),
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
                        Parameters = { new() { Value = electionId.Value }, new() { Value = ids } },
                    },
                    new NpgsqlBatchCommand("""
                        SELECT "Id", "CitizenId", "Phone", "PasswordHash", "Roles", "RegisteredAt" FROM "Users" WHERE "Id" = ANY($1)
                        """) { Parameters = { new() { Value = ids } } },
                },
            };
            if (withRoll)
            {
                start.BatchCommands.Add(new NpgsqlBatchCommand("""
                    SELECT r."CitizenId" FROM "VoterRollEntries" r JOIN "Users" u ON u."CitizenId" = r."CitizenId"
                    WHERE r."ElectionId" = $1 AND u."Id" = ANY($2)
                    """) { Parameters = { new() { Value = electionId.Value }, new() { Value = ids } } });
            }

            Reads reads;
            await using (start.ConfigureAwait(false))
            {
                var reader = await start.ExecuteReaderAsync(none).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    reads = await ReadAsync(reader, withRoll).ConfigureAwait(false);
                }
            }

            var prepared = Prepare(electionId, batch, reads);
            if (prepared.Cast.Count == 0)
            {
                // Nothing to write (the election closed, or every vote was refused): end the transaction and its lock.
                await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                await rollback.ExecuteNonQueryAsync(none).ConfigureAwait(false);
                return prepared.Answers;
            }

            var (participations, ballots, events, last) = (prepared.Participations, prepared.Ballots, prepared.Events, prepared.Last);
            var write = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    // Each row set a multi-row INSERT from arrays; EF Core would send one INSERT per row and track every entity.
                    new NpgsqlBatchCommand("""
                        INSERT INTO "Participations" ("ElectionId", "VoterId", "VotedAt") SELECT * FROM unnest($1, $2, $3)
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = participations.Select(p => p.ElectionId.Value).ToArray() },
                            new() { Value = participations.Select(p => p.VoterId.Value).ToArray() },
                            new() { Value = participations.Select(p => p.VotedAt).ToArray() },
                        },
                    },
                    new NpgsqlBatchCommand("""
                        INSERT INTO "Ballots" ("ElectionId", "CandidateId", "ReceiptHash", "Sequence") SELECT * FROM unnest($1, $2, $3, $4)
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = ballots.Select(b => b.ElectionId.Value).ToArray() },
                            new() { Value = ballots.Select(b => b.CandidateId.Value).ToArray() },
                            new() { Value = ballots.Select(b => b.ReceiptHash).ToArray() },
                            new() { Value = ballots.Select(b => b.Sequence).ToArray() },
                        },
                    },
                    new NpgsqlBatchCommand("""
                        INSERT INTO "OutboxMessages" ("Type", "Payload", "OccurredAt", "Attempts") SELECT t, p, o, 0 FROM unnest($1, $2, $3) AS e (t, p, o)
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = events.Select(m => m.Type).ToArray() },
                            new() { Value = events.Select(m => m.Payload).ToArray() },
                            new() { Value = events.Select(m => m.OccurredAt).ToArray() },
                        },
                    },
                    new NpgsqlBatchCommand("""UPDATE "BallotSequences" SET "LastSequence" = $1 WHERE "ElectionId" = $2""")
                    {
                        Parameters = { new() { Value = last }, new() { Value = electionId.Value } },
                    },
                    new NpgsqlBatchCommand("COMMIT"),
                },
            };
            await using (write.ConfigureAwait(false))
            {
                // A failing statement skips the rest, COMMIT included: nothing of the batch is stored.
                await write.ExecuteNonQueryAsync(none).ConfigureAwait(false);
            }

            outboxSignal.Notify();
            return prepared.Answers;
        }
        catch
        {
            await RollBackQuietlyAsync(connection).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Ends a transaction a failure left open, if the connection still works (the caller reports the failure).</summary>
    private static async Task RollBackQuietlyAsync(NpgsqlConnection connection)
    {
        if (connection.State != ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server ends the transaction with it, and the pool discards it.
        }
    }

    private static async Task<Reads> ReadAsync(NpgsqlDataReader reader, bool withRoll)
    {
        var none = CancellationToken.None;
        await reader.ReadAsync(none).ConfigureAwait(false);
        var last = reader.GetInt64(0);
        await reader.NextResultAsync(none).ConfigureAwait(false);
        await reader.ReadAsync(none).ConfigureAwait(false);
        var status = (ElectionStatus)reader.GetInt32(0);
        await reader.NextResultAsync(none).ConfigureAwait(false);
        var voted = new HashSet<UserId>();
        while (await reader.ReadAsync(none).ConfigureAwait(false))
        {
            voted.Add(new UserId(reader.GetGuid(0)));
        }

        await reader.NextResultAsync(none).ConfigureAwait(false);
        var voters = new Dictionary<UserId, User>();
        while (await reader.ReadAsync(none).ConfigureAwait(false))
        {
            var user = User.Restore(
                new UserId(reader.GetGuid(0)),
                CitizenId.Parse(reader.GetString(1)),
                PhoneNumber.Parse(reader.GetString(2)),
                reader.GetString(3),
                (Role)reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5));
            voters[user.Id] = user;
        }

        var onRoll = new HashSet<CitizenId>();
        if (withRoll)
        {
            await reader.NextResultAsync(none).ConfigureAwait(false);
            while (await reader.ReadAsync(none).ConfigureAwait(false))
            {
                onRoll.Add(CitizenId.Parse(reader.GetString(0)));
            }
        }

        return new Reads(last, status, voted, voters, onRoll);
    }

    /// <summary>SQLite: the same reads and writes through EF Core; the first write takes the database's only write lock.</summary>
    private async Task<List<Action>> SqliteCommitAsync(ElectionId electionId, IReadOnlyList<QueuedVote> batch, List<UserId> voterIds, bool withRoll)
    {
        var none = CancellationToken.None;

        // The transaction is all or nothing; EF Core's savepoint around SaveChanges would only add statements.
        db.Database.AutoSavepointsEnabled = false;
        var transaction = await db.Database.BeginTransactionAsync(none).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
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
            var voters = await db.Users.AsNoTracking().Where(u => voterIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, none).ConfigureAwait(false);
            var citizenIds = voters.Values.Select(u => u.CitizenId).ToList();
            var onRoll = withRoll
                ? await db.VoterRollEntries
                    .Where(r => r.ElectionId == electionId && citizenIds.Contains(r.CitizenId))
                    .Select(r => r.CitizenId)
                    .ToListAsync(none).ConfigureAwait(false)
                : [];

            var prepared = Prepare(electionId, batch, new Reads(last, status, voted.ToHashSet(), voters, onRoll.ToHashSet()));
            if (prepared.Cast.Count == 0)
            {
                // Nothing to write: the transaction (and the sequence row it may have made) is rolled back.
                await transaction.RollbackAsync(none).ConfigureAwait(false);
                return prepared.Answers;
            }

            db.Participations.AddRange(prepared.Participations);
            db.Ballots.AddRange(prepared.Ballots);
            db.OutboxMessages.AddRange(prepared.Events);
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "BallotSequences" SET "LastSequence" = {prepared.Last} WHERE "ElectionId" = {electionId.Value}""", none).ConfigureAwait(false);
            await db.SaveChangesAsync(none).ConfigureAwait(false);
            await transaction.CommitAsync(none).ConfigureAwait(false);
            outboxSignal.Notify();
            return prepared.Answers;
        }
    }

    /// <summary>
    /// Casts the batch's votes on what the transaction read: an election no longer open fails them all;
    /// otherwise each vote is cast (the domain checks every rule again, for the voter as read) and takes
    /// the next sequence, or is refused alone (ALREADY_VOTED, or the rule it breaks) and takes none.
    /// </summary>
    private Prepared Prepare(ElectionId electionId, IReadOnlyList<QueuedVote> batch, Reads reads)
    {
        var answers = new List<Action>(batch.Count);
        if (reads.Status != ElectionStatus.Open)
        {
            // The votes were checked against an election remembered open: it is no longer.
            openElections.Forget(electionId);
            var closed = new DomainException(ErrorCodes.ElectionNotOpen, "The election is not open for voting.");
            answers.AddRange(batch.Select(queued => (Action)(() => queued.Fail(closed))));
            return new Prepared(answers, [], [], [], [], reads.Last);
        }

        // Sequences follow a random order of the batch, not the order the votes arrived in.
        var order = batch.ToArray();
        Random.Shared.Shuffle(order);
        var next = reads.Last;
        var cast = new List<CastVoteResult>(order.Length);
        List<OutboxMessage> events;
        try
        {
            foreach (var queued in order)
            {
                var voterId = queued.Vote.VoterId;
                if (reads.Voted.Contains(voterId))
                {
                    answers.Add(() => queued.Fail(AlreadyVoted()));
                    continue;
                }

                var voter = reads.Voters.GetValueOrDefault(voterId);
                CastVoteResult result;
                try
                {
                    result = queued.Vote.Cast(new VoterOnRecord(voter, voter is not null && reads.OnRoll.Contains(voter.CitizenId)), next + 1);
                }
                catch (DomainException refused)
                {
                    // The rules, checked for the voter as read now (and the election may have reached its closing time).
                    answers.Add(() => queued.Fail(refused));
                    continue;
                }

                next++;
                reads.Voted.Add(voterId);
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

        // Participations go in in another random order, so that neither the insertion order
        // nor the batch's statements pair a participation with its ballot (ADR 0002).
        var participations = cast.Select(c => c.Participation).ToArray();
        Random.Shared.Shuffle(participations);
        return new Prepared(answers, cast, participations, cast.Select(c => c.Ballot).ToList(), events, next);
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

    private static DomainException AlreadyVoted() => new(ErrorCodes.AlreadyVoted, "You have already voted in this election.");

    /// <summary>What the batch's transaction read before casting.</summary>
    private sealed record Reads(long Last, ElectionStatus Status, HashSet<UserId> Voted, Dictionary<UserId, User> Voters, HashSet<CitizenId> OnRoll);

    /// <summary>The batch cast: each vote's answer, and the rows to store with the new last sequence.</summary>
    private sealed record Prepared(
        List<Action> Answers, List<CastVoteResult> Cast, Participation[] Participations, List<Ballot> Ballots, List<OutboxMessage> Events, long Last);
}
