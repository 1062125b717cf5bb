using Microsoft.EntityFrameworkCore;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Chat;

/// <summary>
/// Chat's write side. A room is locked by its row: <c>SELECT … FOR UPDATE</c> on PostgreSQL; on
/// SQLite the unit of work's transaction already holds the database's write lock (Microsoft.Data.Sqlite
/// begins transactions IMMEDIATE), which serialises writers the same way.
/// </summary>
internal sealed class ChatRepository(VotingDbContext db) : IChatRepository
{
    public Task<ChatRoom?> LockAsync(RoomId id, CancellationToken cancellationToken) =>
        LockWhereAsync($"SELECT * FROM \"ChatRooms\" WHERE \"Id\" = {id.Value} FOR UPDATE", r => r.Id == id, cancellationToken);

    public Task<ChatRoom?> LockElectionRoomAsync(ElectionId electionId, CancellationToken cancellationToken) =>
        LockWhereAsync($"SELECT * FROM \"ChatRooms\" WHERE \"ElectionId\" = {electionId.Value} FOR UPDATE", r => r.ElectionId == electionId, cancellationToken);

    public Task<ChatRoom?> LockDirectAsync(string directKey, CancellationToken cancellationToken) =>
        LockWhereAsync($"SELECT * FROM \"ChatRooms\" WHERE \"DirectKey\" = {directKey} FOR UPDATE", r => r.DirectKey == directKey, cancellationToken);

    public Task<ChatRoom?> GetAsync(RoomId id, CancellationToken cancellationToken) =>
        db.ChatRooms.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    // Find sees members added in this unit of work too (the two of a conversation being created).
    public async Task<RoomMember?> GetMemberAsync(RoomId roomId, UserId userId, CancellationToken cancellationToken) =>
        await db.RoomMembers.FindAsync([roomId, userId], cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<UserId, RoomMember>> GetMembersAsync(RoomId roomId, IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();
        return await db.RoomMembers.Where(m => m.RoomId == roomId && ids.Contains(m.UserId))
            .ToDictionaryAsync(m => m.UserId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RoomMembersSnapshot?> ReadMembersAsync(RoomId roomId, IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToList();

        // One statement, so the sequence and the rows come from one snapshot; untracked, so the locked read that
        // follows in the same unit of work materializes the room afresh instead of finding this copy.
        // A left join (SQLite has no APPLY for a nested collection): one row per member found, or one without a member.
        var rows = await (
            from room in db.ChatRooms.AsNoTracking().Where(r => r.Id == roomId)
            join member in db.RoomMembers.AsNoTracking().Where(m => m.RoomId == roomId && ids.Contains(m.UserId)) on room.Id equals member.RoomId into members
            from member in members.DefaultIfEmpty()
            select new { room.LastSequence, Member = member })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count == 0
            ? null
            : new RoomMembersSnapshot(rows[0].LastSequence, rows.Where(r => r.Member is not null).ToDictionary(r => r.Member!.UserId, r => r.Member!));
    }

    public async Task<RoomId?> FindRoomOfMessageAsync(MessageId messageId, CancellationToken cancellationToken) =>
        await db.ChatMessages.AsNoTracking().Where(m => m.Id == messageId).Select(m => (RoomId?)m.RoomId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    public Task<Message?> GetMessageAsync(MessageId messageId, CancellationToken cancellationToken) =>
        db.ChatMessages.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);

    public Task<Message?> FindByClientMessageIdAsync(RoomId roomId, UserId? authorId, string clientMessageId, CancellationToken cancellationToken) =>
        authorId is { } author
            ? db.ChatMessages.FirstOrDefaultAsync(m => m.RoomId == roomId && m.AuthorId == author && m.ClientMessageId == clientMessageId, cancellationToken)
            : db.ChatMessages.FirstOrDefaultAsync(m => m.RoomId == roomId && m.AuthorId == null && m.ClientMessageId == clientMessageId, cancellationToken);

    public void Add(ChatRoom room) => db.ChatRooms.Add(room);

    public void Add(RoomRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        db.RoomMembers.AddRange(records.Members);
        db.ChatMessages.AddRange(records.Messages);
        db.RoomEvents.AddRange(records.Events);
    }

    public async Task<bool> TryAddDirectAsync(ChatRoom room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(room);
        EnsureInTransaction();

        // ON CONFLICT DO NOTHING waits for a racing insert of the same pair and then yields to it,
        // where a plain insert would fail the whole transaction on PostgreSQL.
        object createdAt = db.Database.IsSqlite() ? room.CreatedAt.UtcTicks : room.CreatedAt;
        var inserted = await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "ChatRooms" ("Id", "Kind", "Name", "DirectKey", "CreatedBy", "CreatedAt", "LastSequence")
            VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
            ON CONFLICT ("DirectKey") DO NOTHING
            """,
            [room.Id.Value, (int)room.Kind, room.Name, room.DirectKey!, room.CreatedBy.Value, createdAt, room.LastSequence],
            cancellationToken).ConfigureAwait(false);
        if (inserted == 0)
        {
            return false;
        }

        db.ChatRooms.Attach(room);
        return true;
    }

    public Task AdvanceReadMarkerAsync(RoomId roomId, UserId userId, long sequence, CancellationToken cancellationToken) =>
        db.RoomMembers
            .Where(m => m.RoomId == roomId && m.UserId == userId && m.LastReadSequence < sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSequence, sequence), cancellationToken);

    /// <param name="postgresLock">The room's row with its lock clause, for PostgreSQL.</param>
    /// <param name="predicate">The same condition, for SQLite.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    private async Task<ChatRoom?> LockWhereAsync(
        FormattableString postgresLock,
        System.Linq.Expressions.Expression<Func<ChatRoom, bool>> predicate,
        CancellationToken cancellationToken)
    {
        EnsureInTransaction();
        if (!db.Database.IsNpgsql())
        {
            return await db.ChatRooms.FirstOrDefaultAsync(predicate, cancellationToken).ConfigureAwait(false);
        }

        // Not composed further, so EF sends the statement as written, lock clause included.
        var rows = await db.ChatRooms.FromSql(postgresLock)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.SingleOrDefault();
    }

    private void EnsureInTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A chat room can only be locked or created inside the unit of work's transaction.");
        }
    }
}
