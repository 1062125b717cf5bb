using Voting.Domain.Chat;

namespace Voting.Application.Chat;

/// <summary>
/// Removes rooms' log entries that are past retention, oldest first and a short batch at a time, so the
/// log stays a gapless suffix of each room's history and no delete holds its locks for long.
/// Messages stay: they are the history; only the replay log (<c>RoomEvents</c>) is pruned.
/// </summary>
public interface IRoomLogRetention
{
    /// <summary>Up to <paramref name="take"/> rooms whose oldest remaining log entry occurred before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<RoomId>> ListRoomsWithEntriesBeforeAsync(DateTimeOffset cutoff, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the room's oldest entries, at most <paramref name="batchSize"/>, up to the first that occurred
    /// at or after <paramref name="cutoff"/>; before removing them it raises the room's
    /// <see cref="ChatRoom.PrunedThroughSequence"/> to the last of them, so a reader who misses an entry
    /// always finds the mark that explains it. Returns how many entries it removed.
    /// </summary>
    Task<int> PruneBeforeAsync(RoomId roomId, DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken);
}
