using Voting.Application.Abstractions;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>
/// The one way a room changes: lock it, apply the change, store its records, commit, then publish its
/// log entries. A change that lost an insert race (<see cref="ConcurrentInsertException"/>) runs once more.
/// </summary>
internal static class RoomTransactions
{
    public static Task<T> ChangeRoomAsync<T>(
        this IUnitOfWork unitOfWork,
        IChatRepository chat,
        IRoomEventPublisher publisher,
        RoomId roomId,
        Func<ChatRoom, CancellationToken, Task<T>> change,
        CancellationToken cancellationToken) =>
        unitOfWork.ChangeRoomAsync(chat, publisher, ct => chat.LockRequiredAsync(roomId, ct), change, cancellationToken);

    public static async Task<T> ChangeRoomAsync<T>(
        this IUnitOfWork unitOfWork,
        IChatRepository chat,
        IRoomEventPublisher publisher,
        Func<CancellationToken, Task<ChatRoom>> lockRoom,
        Func<ChatRoom, CancellationToken, Task<T>> change,
        CancellationToken cancellationToken)
    {
        RoomRecords? records = null;
        async Task<T> AttemptAsync(CancellationToken ct)
        {
            var room = await lockRoom(ct).ConfigureAwait(false);
            var value = await change(room, ct).ConfigureAwait(false);
            records = room.TakeNewRecords();
            chat.Add(records);
            return value;
        }

        T result;
        try
        {
            result = await unitOfWork.InTransactionAsync(AttemptAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrentInsertException)
        {
            // A request that got past the room's lock (or made the room) committed the row this change
            // meant to insert: once more against the committed state, the change finds that row and
            // answers with it (the stored message, the pair's conversation, the member). Once: a second
            // collision is not a race this settles, and CONFLICT reaches the caller.
            records = null;
            result = await unitOfWork.InTransactionAsync(AttemptAsync, cancellationToken).ConfigureAwait(false);
        }

        // After the commit: subscribers never see an entry that was rolled back.
        if (records is { Events.Count: > 0 })
        {
            await publisher.PublishAsync(RoomEventView.Of(records), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public static async Task<ChatRoom> LockRequiredAsync(this IChatRepository chat, RoomId id, CancellationToken cancellationToken) =>
        await chat.LockAsync(id, cancellationToken).ConfigureAwait(false) ?? throw RoomNotFound(id);

    /// <summary>The room and the caller's row in it, once the room's read rule allowed the caller in.</summary>
    public static async Task<(ChatRoom Room, RoomMember? Member)> GetReadableAsync(this IChatRepository chat, RoomId id, UserId reader, CancellationToken cancellationToken)
    {
        var room = await chat.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw RoomNotFound(id);
        var member = await chat.GetMemberAsync(id, reader, cancellationToken).ConfigureAwait(false);
        room.EnsureCanRead(member);
        return (room, member);
    }

    public static async Task<Message> GetRequiredMessageAsync(this IChatRepository chat, MessageId id, CancellationToken cancellationToken) =>
        await chat.GetMessageAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.MessageNotFound, $"Message '{id}' was not found.");

    public static DomainException RoomNotFound(RoomId id) => new(ErrorCodes.RoomNotFound, $"Room '{id}' was not found.");
}
