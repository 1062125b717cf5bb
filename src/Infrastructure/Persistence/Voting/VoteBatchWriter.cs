using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Voting.Application.Abstractions;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;
using Voting.Domain.Users;
using Voting.Infrastructure.Outbox;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>
/// Commits one batch of an election's votes in one transaction (ADR 0025): lock the election's
/// "BallotSequences" row, re-check that the election is open, read the batch's voters (and, for an
/// election with a voter roll, which of them are on it) and which of them already voted, give the
/// others consecutive sequences, insert every participation and ballot and one outbox row for the
/// batch's votes (ADR 0035), raise "LastSequence" once, commit, and only then answer each vote. On
/// PostgreSQL that is two round trips: the reads (and the participations) after BEGIN, then the writes
/// with COMMIT.
/// </summary>
internal sealed class VoteBatchWriter(VotingDbContext db, OutboxSignal outboxSignal, IOpenElections openElections, IClock clock)
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
    /// batch sees it closed, (3) insert a participation for each of the batch's voters, skipping those who
    /// already have one: the voters it returns had not voted, the others had (ADR 0035: the insert is the
    /// already-voted probe), (4) read the voters, (5) for an election with a voter roll, which of their
    /// citizen IDs are on it. Each statement takes its own snapshot (read committed), after the lock:
    /// whatever another instance's batch committed before is seen, so (3) is exact. Second: remove the
    /// participations of voters whose every vote the domain then refused, the inserts, the new
    /// "LastSequence", COMMIT.
    /// </summary>
    private async Task<List<Action>> PostgresCommitAsync(ElectionId electionId, IReadOnlyList<QueuedVote> batch, List<UserId> voterIds, bool withRoll)
    {
        var none = CancellationToken.None;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(none).ConfigureAwait(false);
        try
        {
            var ids = voterIds.Select(v => v.Value).ToArray();

            // Participations go in in a random order of the batch's voters, unrelated to the order in which the
            // ballots will take their sequences (ADR 0002). Their hour is the domain's guess, checked after the casts.
            var inserted = (Guid[])ids.Clone();
            Random.Shared.Shuffle(inserted);
            var votedAt = HourOf(clock.UtcNow);
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
                    new NpgsqlBatchCommand("""
                        INSERT INTO "Participations" ("ElectionId", "VoterId", "VotedAt") SELECT $1, v, $3 FROM unnest($2) AS v
                        ON CONFLICT DO NOTHING RETURNING "VoterId"
                        """)
                    {
                        Parameters = { new() { Value = electionId.Value }, new() { Value = inserted }, new() { Value = votedAt } },
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
            HashSet<UserId> newlyInserted;
            await using (start.ConfigureAwait(false))
            {
                // Prepared: PostgreSQL parses and plans each statement once per connection instead of once per
                // batch (ADR 0035). Npgsql keeps them across the pool's open and close, so after a connection's
                // first batch this sends nothing.
                await start.PrepareAsync(none).ConfigureAwait(false);
                var reader = await start.ExecuteReaderAsync(none).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    (reads, newlyInserted) = await ReadAsync(reader, voterIds, withRoll).ConfigureAwait(false);
                }
            }

            var prepared = Prepare(electionId, batch, reads);
            if (prepared.Cast.Count == 0)
            {
                // Nothing to write (the election closed, or every vote was refused): end the transaction, its lock
                // and the participations it inserted.
                await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                await rollback.ExecuteNonQueryAsync(none).ConfigureAwait(false);
                return prepared.Answers;
            }

            var (ballots, events, last) = (prepared.Ballots, prepared.Events, prepared.Last);
            var write = new NpgsqlBatch(connection);
            await using (write.ConfigureAwait(false))
            {
                // A voter whose every vote in the batch was refused (not eligible, no such account, the closing
                // time reached) has no participation: the one inserted as the probe goes.
                newlyInserted.ExceptWith(prepared.Participations.Select(p => p.VoterId));
                if (newlyInserted.Count > 0)
                {
                    write.BatchCommands.Add(new NpgsqlBatchCommand("""DELETE FROM "Participations" WHERE "ElectionId" = $1 AND "VoterId" = ANY($2)""")
                    {
                        Parameters = { new() { Value = electionId.Value }, new() { Value = newlyInserted.Select(v => v.Value).ToArray() } },
                    });
                }

                // The hour is the domain's: a batch cast across the turn of an hour corrects the guess made before.
                var otherHour = prepared.Participations.Where(p => p.VotedAt != votedAt).ToArray();
                if (otherHour.Length > 0)
                {
                    write.BatchCommands.Add(new NpgsqlBatchCommand("""
                        UPDATE "Participations" p SET "VotedAt" = x.t FROM unnest($2, $3) AS x (v, t) WHERE p."ElectionId" = $1 AND p."VoterId" = x.v
                        """)
                    {
                        Parameters =
                        {
                            new() { Value = electionId.Value },
                            new() { Value = otherHour.Select(p => p.VoterId.Value).ToArray() },
                            new() { Value = otherHour.Select(p => p.VotedAt).ToArray() },
                        },
                    });
                }

                // Each row set a multi-row INSERT from arrays; EF Core would send one INSERT per row and track every entity.
                write.BatchCommands.Add(new NpgsqlBatchCommand("""
                    INSERT INTO "Ballots" ("ElectionId", "CandidateId", "ReceiptHash", "Sequence") SELECT $1, c, h, s FROM unnest($2, $3, $4) AS b (c, h, s)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = electionId.Value },
                        new() { Value = ballots.Select(b => b.CandidateId.Value).ToArray() },
                        new() { Value = ballots.Select(b => b.ReceiptHash).ToArray() },
                        new() { Value = ballots.Select(b => b.Sequence).ToArray() },
                    },
                });
                write.BatchCommands.Add(new NpgsqlBatchCommand("""
                    INSERT INTO "OutboxMessages" ("Type", "Payload", "OccurredAt", "Attempts") SELECT t, p, o, 0 FROM unnest($1, $2, $3) AS e (t, p, o)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = events.Select(m => m.Type).ToArray() },
                        new() { Value = events.Select(m => m.Payload).ToArray() },
                        new() { Value = events.Select(m => m.OccurredAt).ToArray() },
                    },
                });
                write.BatchCommands.Add(new NpgsqlBatchCommand("""UPDATE "BallotSequences" SET "LastSequence" = $1 WHERE "ElectionId" = $2""")
                {
                    Parameters = { new() { Value = last }, new() { Value = electionId.Value } },
                });
                write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));

                // A failing statement skips the rest, COMMIT included: nothing of the batch is stored.
                await write.PrepareAsync(none).ConfigureAwait(false);
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

    /// <summary>The hour a participation keeps of <paramref name="at"/> (<see cref="Participation.VotedAt"/>: UTC, truncated to the hour).</summary>
    private static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
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

    /// <summary>Reads the first round trip's results; a voter whose participation it did not insert had already voted.</summary>
    private static async Task<(Reads Reads, HashSet<UserId> Inserted)> ReadAsync(NpgsqlDataReader reader, List<UserId> voterIds, bool withRoll)
    {
        var none = CancellationToken.None;
        await reader.ReadAsync(none).ConfigureAwait(false);
        var last = reader.GetInt64(0);
        await reader.NextResultAsync(none).ConfigureAwait(false);
        await reader.ReadAsync(none).ConfigureAwait(false);
        var status = (ElectionStatus)reader.GetInt32(0);
        await reader.NextResultAsync(none).ConfigureAwait(false);
        var inserted = new HashSet<UserId>();
        while (await reader.ReadAsync(none).ConfigureAwait(false))
        {
            inserted.Add(new UserId(reader.GetGuid(0)));
        }

        var voted = voterIds.Where(v => !inserted.Contains(v)).ToHashSet();
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

        return (new Reads(last, status, voted, voters, onRoll), inserted);
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
        List<IDomainEvent> raised;
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
            raised = TakeEvents(order);
        }

        // Participations go in in another random order, so that neither the insertion order
        // nor the batch's statements pair a participation with its ballot (ADR 0002). (SQLite inserts
        // these; PostgreSQL inserted the batch's voters, shuffled, before the casts.)
        var participations = cast.Select(c => c.Participation).ToArray();
        Random.Shared.Shuffle(participations);
        return new Prepared(answers, cast, participations, cast.Select(c => c.Ballot).ToList(), ToMessages(raised), next);
    }

    /// <summary>Takes the events the batch's casts raised off its elections.</summary>
    private static List<IDomainEvent> TakeEvents(IEnumerable<QueuedVote> votes)
    {
        var raised = new List<IDomainEvent>();
        foreach (var election in votes.Select(q => q.Vote.Election).Distinct(ReferenceEqualityComparer.Instance).Cast<Election>())
        {
            raised.AddRange(election.DomainEvents);
            election.ClearDomainEvents();
        }

        return raised;
    }

    /// <summary>
    /// The outbox rows of a committed batch: its VoteCast events as one <see cref="VotesCast"/> (ADR 0035), so
    /// the dispatcher and the live tally handle the batch once; any other event as its own row.
    /// </summary>
    private static List<OutboxMessage> ToMessages(List<IDomainEvent> raised)
    {
        var votes = raised.OfType<VoteCast>().ToList();
        var messages = raised.Where(e => e is not VoteCast).Select(OutboxSerializer.ToMessage).ToList();
        if (votes.Count > 0)
        {
            messages.Add(OutboxSerializer.ToMessage(VotesCast.Combine(votes)));
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
