using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>The read side of chat: projections straight from storage, never tracked. Callers check access first.</summary>
public interface IChatQueries
{
    /// <summary>The rooms <paramref name="userId"/> is an active member of, with unread counts, newest activity first.</summary>
    Task<IReadOnlyList<RoomSummary>> ListRoomsOfAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>The direct conversations of <paramref name="userId"/>, newest activity first.</summary>
    Task<IReadOnlyList<DirectConversation>> ListDirectConversationsOfAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>The room's members that are active or invited, owner first.</summary>
    Task<IReadOnlyList<RoomMemberView>> ListMembersAsync(RoomId roomId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="take"/> messages with sequence above <paramref name="after"/> and below
    /// <paramref name="before"/> (either may be absent), ascending; from the newest end when
    /// <paramref name="fromEnd"/> (still returned ascending).
    /// </summary>
    Task<IReadOnlyList<MessageView>> ListMessagesAsync(RoomId roomId, long? after, long? before, int take, bool fromEnd, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> log entries after <paramref name="afterSequence"/>, in sequence order, with their messages as they are now.</summary>
    Task<IReadOnlyList<RoomEventView>> ListEventsAsync(RoomId roomId, long afterSequence, int take, CancellationToken cancellationToken);
}
