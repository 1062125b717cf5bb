using Microsoft.EntityFrameworkCore;
using Voting.Application.Chat;
using Voting.Domain.Chat;

namespace Voting.Infrastructure.Persistence.Chat;

/// <summary>
/// Prunes <c>RoomEvents</c> by its key, <c>(RoomId, Sequence)</c>: a room's oldest entries are its first
/// rows in key order, so finding them and deleting them are both range reads of the primary key, and no
/// index on the time is kept (and paid for on every send) for a job that runs once an hour.
/// </summary>
internal sealed class RoomLogRetention(VotingDbContext db) : IRoomLogRetention
{
    public async Task<IReadOnlyList<RoomId>> ListRoomsWithEntriesBeforeAsync(DateTimeOffset cutoff, int take, CancellationToken cancellationToken) =>
        await db.ChatRooms.AsNoTracking()
            .Where(r => db.RoomEvents.Where(e => e.RoomId == r.Id).OrderBy(e => e.Sequence).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault() < cutoff)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<int> PruneBeforeAsync(RoomId roomId, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var oldest = await db.RoomEvents.AsNoTracking()
            .Where(e => e.RoomId == roomId)
            .OrderBy(e => e.Sequence)
            .Take(batchSize)
            .Select(e => new { e.Sequence, e.OccurredAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Only a prefix: instances' clocks differ by a little, so an entry may carry an earlier time than the
        // one before it, and removing it alone would leave a hole that a replay would step over.
        var expired = oldest.TakeWhile(e => e.OccurredAt < cutoff).ToList();
        if (expired.Count == 0)
        {
            return 0;
        }

        var through = expired[^1].Sequence;

        // Two statements, each its own short transaction: the mark first, so that a reader who finds
        // entries gone and then reads the mark (RoomEventSubscriptions does) always sees why. The room's
        // row is locked only for this update, not for the delete, and senders never wait on the delete.
        await db.ChatRooms
            .Where(r => r.Id == roomId && r.PrunedThroughSequence < through)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PrunedThroughSequence, through), cancellationToken).ConfigureAwait(false);
        return await db.RoomEvents
            .Where(e => e.RoomId == roomId && e.Sequence <= through)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
