using Voting.Domain.Chat;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>
/// The write side of chat. A room is changed only while its row is locked (<see cref="LockAsync"/>,
/// inside the unit of work's transaction): that serialises the changes of one room, so its
/// sequence has no gap and no repeat, and a check-then-insert (a retried send) cannot race.
/// </summary>
public interface IChatRepository
{
    /// <summary>The room, tracked, its row locked until the transaction ends.</summary>
    Task<ChatRoom?> LockAsync(RoomId id, CancellationToken cancellationToken);

    /// <summary>The room of <paramref name="electionId"/>, tracked and locked.</summary>
    Task<ChatRoom?> LockElectionRoomAsync(ElectionId electionId, CancellationToken cancellationToken);

    /// <summary>The direct conversation with <paramref name="directKey"/> (<see cref="ChatRoom.DirectKeyOf"/>), tracked and locked.</summary>
    Task<ChatRoom?> LockDirectAsync(string directKey, CancellationToken cancellationToken);

    /// <summary>The room without a lock, for reading.</summary>
    Task<ChatRoom?> GetAsync(RoomId id, CancellationToken cancellationToken);

    /// <summary>The rows of those of <paramref name="userIds"/> that have one in the room (tracked, any status), by user.</summary>
    Task<IReadOnlyDictionary<UserId, RoomMember>> GetMembersAsync(RoomId roomId, IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken);

    /// <summary>
    /// Without the room's lock and untracked, in one read (one snapshot): the room's last sequence and the rows of
    /// those of <paramref name="userIds"/> that have one; null when there is no such room. Every change of a
    /// member's standing takes a sequence of the room, so the rows are still current for as long as the locked
    /// room's last sequence is this one.
    /// </summary>
    Task<RoomMembersSnapshot?> ReadMembersAsync(RoomId roomId, IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken);

    /// <summary>The user's row in the room (tracked), whatever its status, or null when they never had one.</summary>
    Task<RoomMember?> GetMemberAsync(RoomId roomId, UserId userId, CancellationToken cancellationToken);

    Task<RoomId?> FindRoomOfMessageAsync(MessageId messageId, CancellationToken cancellationToken);

    Task<Message?> GetMessageAsync(MessageId messageId, CancellationToken cancellationToken);

    /// <summary>The message <paramref name="authorId"/> (null: the system) sent with <paramref name="clientMessageId"/>, if any.</summary>
    Task<Message?> FindByClientMessageIdAsync(RoomId roomId, UserId? authorId, string clientMessageId, CancellationToken cancellationToken);

    /// <summary>Adds a new room (saved with the unit of work); its records are added with <see cref="Add(RoomRecords)"/>.</summary>
    void Add(ChatRoom room);

    /// <summary>Stores the members, messages and log entries a room's intent methods created.</summary>
    void Add(RoomRecords records);

    /// <summary>
    /// Inserts a new direct conversation at once unless its pair already has one (made by a request
    /// racing this one), and answers whether it did; the room is tracked when inserted.
    /// </summary>
    Task<bool> TryAddDirectAsync(ChatRoom room, CancellationToken cancellationToken);

    /// <summary>Moves the member's read marker to <paramref name="sequence"/> unless it is already there or beyond.</summary>
    Task AdvanceReadMarkerAsync(RoomId roomId, UserId userId, long sequence, CancellationToken cancellationToken);
}
