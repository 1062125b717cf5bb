using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Infrastructure.Outbox;

namespace Voting.Infrastructure.Persistence;

/// <summary>
/// Saves a use case's changes and, in the same transaction, an outbox row for every domain event
/// its aggregates raised. Unique violations of rule-bearing indexes become typed errors.
/// </summary>
internal sealed class UnitOfWork(VotingDbContext db, OutboxSignal outboxSignal) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var wroteEvents = StageDomainEvents();
        await SaveCoreAsync(cancellationToken).ConfigureAwait(false);
        if (wroteEvents)
        {
            outboxSignal.Notify();
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        bool wroteEvents;
        T result;

        // No savepoint before SaveChanges (one round trip more while the transaction holds its locks, e.g. a room's):
        // a failed save is never resumed in the same transaction; it is rolled back whole below.
        db.Database.AutoSavepointsEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                result = await work(cancellationToken).ConfigureAwait(false);
                wroteEvents = StageDomainEvents();
                await SaveCoreAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Nothing of a failed transaction may be retried by a later save on this context.
                db.ChangeTracker.Clear();
                throw;
            }
        }

        if (wroteEvents)
        {
            outboxSignal.Notify();
        }

        return result;
    }

    private bool StageDomainEvents()
    {
        var staged = false;
        foreach (var entry in db.ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            foreach (var domainEvent in entry.Entity.DomainEvents)
            {
                db.OutboxMessages.Add(OutboxSerializer.ToMessage(domainEvent));
                staged = true;
            }

            entry.Entity.ClearDomainEvents();
        }

        return staged;
    }

    private async Task SaveCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException(ErrorCodes.Conflict, "Someone else changed this record meanwhile; reload it and try again.");
        }
        catch (DbUpdateException exception) when (UniqueViolation(exception.InnerException) is { } code)
        {
            db.ChangeTracker.Clear();
            throw code;
        }
    }

    /// <summary>The typed error a unique violation stands for, or null when it is not one of ours.</summary>
    internal static DomainException? UniqueViolation(Exception? exception)
    {
        var constraint = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName,
            SqliteException { SqliteErrorCode: 19 } sqlite => SqliteConstraint(sqlite.Message),
            _ => null,
        };
        return constraint switch
        {
            ConstraintNames.UniqueParticipation => new DomainException(ErrorCodes.AlreadyVoted, "You have already voted in this election."),
            ConstraintNames.UniqueCitizenId => new DomainException(ErrorCodes.DuplicateCitizenId, "This citizen ID is already registered."),
            ConstraintNames.UniqueClientMessageId => new ConcurrentInsertException("Another request stored a message with this client message ID meanwhile.", exception),
            ConstraintNames.UniqueMessageSequence or ConstraintNames.UniqueEventSequence => new ConcurrentInsertException("Another request took this room sequence meanwhile.", exception),
            ConstraintNames.UniqueMember => new ConcurrentInsertException("Another request added this member to the room meanwhile.", exception),
            ConstraintNames.UniqueDirectPair => new ConcurrentInsertException("Another request opened this conversation meanwhile.", exception),
            ConstraintNames.UniqueElectionRoom => new ConcurrentInsertException("Another request made this election's room meanwhile.", exception),
            _ => null,
        };
    }

    // SQLite names the columns, not the index: "UNIQUE constraint failed: Participations.ElectionId, Participations.VoterId".
    private static string? SqliteConstraint(string message) => message switch
    {
        _ when message.Contains("Participations.ElectionId, Participations.VoterId", StringComparison.Ordinal) => ConstraintNames.UniqueParticipation,
        _ when message.Contains("Users.CitizenId", StringComparison.Ordinal) => ConstraintNames.UniqueCitizenId,
        _ when message.Contains("ChatMessages.RoomId, ChatMessages.AuthorId, ChatMessages.ClientMessageId", StringComparison.Ordinal) => ConstraintNames.UniqueClientMessageId,
        _ when message.Contains("ChatMessages.RoomId, ChatMessages.Sequence", StringComparison.Ordinal) => ConstraintNames.UniqueMessageSequence,
        _ when message.Contains("RoomEvents.RoomId, RoomEvents.Sequence", StringComparison.Ordinal) => ConstraintNames.UniqueEventSequence,
        _ when message.Contains("RoomMembers.RoomId, RoomMembers.UserId", StringComparison.Ordinal) => ConstraintNames.UniqueMember,
        _ when message.Contains("ChatRooms.DirectKey", StringComparison.Ordinal) => ConstraintNames.UniqueDirectPair,
        _ when message.Contains("ChatRooms.ElectionId", StringComparison.Ordinal) => ConstraintNames.UniqueElectionRoom,
        _ => null,
    };
}
