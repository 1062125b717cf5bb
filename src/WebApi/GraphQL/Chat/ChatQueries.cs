using Voting.Application.Chat.GetMessages;
using Voting.Application.Chat.GetMyDirectConversations;
using Voting.Application.Chat.GetMyRooms;
using Voting.Application.Chat.GetPresence;
using Voting.Application.Chat.GetRoom;
using Voting.Domain.Chat;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Chat;

namespace Voting.WebApi.GraphQL;

/// <summary>Chat: your rooms, a room with its members, a room's messages, your direct conversations.</summary>
public sealed partial class Query
{
    [Authorize]
    [GraphQLDescription("Signed in: the rooms you are in (direct conversations included), latest activity first, with unread counts.")]
    public async Task<IReadOnlyList<MyRoomNode>> GetMyRoomsAsync([Service] GetMyRoomsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var rooms = await handler.HandleAsync(new GetMyRoomsQuery(), cancellationToken).ConfigureAwait(false);
        return [.. rooms.Select(r => new MyRoomNode(r))];
    }

    [Authorize]
    [GraphQLDescription("Signed in: a room you may read, with its members. ROOM_NOT_FOUND, NOT_A_MEMBER (a private room) or BANNED otherwise.")]
    public async Task<RoomNode> GetRoomAsync(
        [ID, GraphQLDescription("The room's ID.")] Guid id,
        [Service] GetRoomHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomNode(await handler.HandleAsync(new GetRoomQuery(new RoomId(id)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Signed in: a room's messages by sequence. `first` after `after` pages forward, `last` before `before` backward (at most 100); with neither, the newest 50.")]
    public async Task<MessagePageNode> GetMessagesAsync(
        [ID] Guid roomId,
        [Service] GetMessagesHandler handler,
        CancellationToken cancellationToken,
        int? first = null,
        long? after = null,
        int? last = null,
        long? before = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var page = await handler.HandleAsync(new GetMessagesQuery(new RoomId(roomId), first, after, last, before), cancellationToken).ConfigureAwait(false);
        return new MessagePageNode(page);
    }

    [Authorize]
    [GraphQLDescription("Signed in: your direct conversations, latest activity first.")]
    public async Task<IReadOnlyList<DirectConversationNode>> GetMyDirectConversationsAsync([Service] GetMyDirectConversationsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var conversations = await handler.HandleAsync(new GetMyDirectConversationsQuery(), cancellationToken).ConfigureAwait(false);
        return [.. conversations.Select(c => new DirectConversationNode(c))];
    }

    [Authorize]
    [GraphQLDescription("Signed in: who is online in a room you may read (those with a live `presence` subscription to it). ROOM_NOT_FOUND, NOT_A_MEMBER or BANNED as for `room`.")]
    public async Task<RoomPresenceNode> GetPresenceAsync([ID] Guid roomId, [Service] GetPresenceHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomPresenceNode(await handler.HandleAsync(new GetPresenceQuery(new RoomId(roomId)), cancellationToken).ConfigureAwait(false));
    }
}
