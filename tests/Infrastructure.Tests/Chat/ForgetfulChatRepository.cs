using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Tests.Chat;

/// <summary>
/// The real repository, except that its first look for a client message ID or a member finds nothing: the
/// state of a request that checked just before another committed the row, which the room's lock otherwise
/// rules out. The insert that follows meets the database's unique index, as a racing one would.
/// </summary>
internal sealed class ForgetfulChatRepository(IChatRepository inner, bool forgetMessage, bool forgetMember) : IChatRepository
{
    private bool _messageForgotten = !forgetMessage;
    private bool _memberForgotten = !forgetMember;

    public Task<ChatRoom?> LockAsync(RoomId id, CancellationToken cancellationToken) => inner.LockAsync(id, cancellationToken);

    public Task<ChatRoom?> LockElectionRoomAsync(ElectionId electionId, CancellationToken cancellationToken) => inner.LockElectionRoomAsync(electionId, cancellationToken);

    public Task<ChatRoom?> LockDirectAsync(string directKey, CancellationToken cancellationToken) => inner.LockDirectAsync(directKey, cancellationToken);

    public Task<ChatRoom?> GetAsync(RoomId id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyDictionary<UserId, RoomMember>> GetMembersAsync(RoomId roomId, IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken) =>
        inner.GetMembersAsync(roomId, userIds, cancellationToken);

    public Task<RoomMembersSnapshot?> ReadMembersAsync(RoomId roomId, IReadOnlyCollection<UserId> userIds, CancellationToken cancellationToken) =>
        inner.ReadMembersAsync(roomId, userIds, cancellationToken);

    public Task<RoomMember?> GetMemberAsync(RoomId roomId, UserId userId, CancellationToken cancellationToken) =>
        Forget(ref _memberForgotten) ? Task.FromResult<RoomMember?>(null) : inner.GetMemberAsync(roomId, userId, cancellationToken);

    public Task<RoomId?> FindRoomOfMessageAsync(MessageId messageId, CancellationToken cancellationToken) => inner.FindRoomOfMessageAsync(messageId, cancellationToken);

    public Task<Message?> GetMessageAsync(MessageId messageId, CancellationToken cancellationToken) => inner.GetMessageAsync(messageId, cancellationToken);

    public Task<Message?> FindByClientMessageIdAsync(RoomId roomId, UserId? authorId, string clientMessageId, CancellationToken cancellationToken) =>
        Forget(ref _messageForgotten) ? Task.FromResult<Message?>(null) : inner.FindByClientMessageIdAsync(roomId, authorId, clientMessageId, cancellationToken);

    public void Add(ChatRoom room) => inner.Add(room);

    public void Add(RoomRecords records) => inner.Add(records);

    public Task<bool> TryAddDirectAsync(ChatRoom room, CancellationToken cancellationToken) => inner.TryAddDirectAsync(room, cancellationToken);

    public Task AdvanceReadMarkerAsync(RoomId roomId, UserId userId, long sequence, CancellationToken cancellationToken) =>
        inner.AdvanceReadMarkerAsync(roomId, userId, sequence, cancellationToken);

    private static bool Forget(ref bool forgotten)
    {
        if (forgotten)
        {
            return false;
        }

        forgotten = true;
        return true;
    }
}
