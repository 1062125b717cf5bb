using Voting.Application.Chat.BanMember;
using Voting.Application.Chat.CreateRoom;
using Voting.Application.Chat.DeleteMessage;
using Voting.Application.Chat.EditMessage;
using Voting.Application.Chat.GetRoom;
using Voting.Application.Chat.InviteToRoom;
using Voting.Application.Chat.JoinRoom;
using Voting.Application.Chat.KickMember;
using Voting.Application.Chat.LeaveRoom;
using Voting.Application.Chat.MarkRead;
using Voting.Application.Chat.MuteMember;
using Voting.Application.Chat.SendDirectMessage;
using Voting.Application.Chat.SendMessage;
using Voting.Application.Chat.SetMemberRole;
using Voting.Application.Chat.SignalTyping;
using Voting.Application.Chat.TransferRoomOwnership;
using Voting.Application.Chat.UnbanMember;
using Voting.Domain.Chat;
using Voting.Domain.Users;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Chat;

namespace Voting.WebApi.GraphQL;

/// <summary>Chat: rooms, membership, moderation and messages. The use cases hold every rule; these only translate.</summary>
public sealed partial class Mutation
{
    [Authorize]
    [GraphQLDescription("Signed in: creates a public or private room that you own.")]
    public async Task<RoomNode> CreateRoomAsync(CreateRoomInput input, [Service] CreateRoomHandler handler, [Service] GetRoomHandler rooms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(rooms);
        var id = await handler.HandleAsync(new CreateRoomCommand(input.Kind, input.Name), cancellationToken).ConfigureAwait(false);
        return new RoomNode(await rooms.HandleAsync(new GetRoomQuery(id), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Signed in: joins a public or election room, or a private room you were invited to (FORBIDDEN otherwise, BANNED if banned). The first join brings a welcome message.")]
    public async Task<RoomMemberNode> JoinRoomAsync([ID] Guid roomId, [Service] JoinRoomHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new JoinRoomCommand(new RoomId(roomId)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Signed in: leaves a room. The owner cannot (OWNERSHIP_TRANSFER_REQUIRED): a room always has an owner, so hand it over with `transferRoomOwnership` first. Your `roomEvents`, `typing` and `presence` streams of the room end with NOT_A_MEMBER. Returns true.")]
    public async Task<bool> LeaveRoomAsync([ID] Guid roomId, [Service] LeaveRoomHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        await handler.HandleAsync(new LeaveRoomCommand(new RoomId(roomId)), cancellationToken).ConfigureAwait(false);
        return true;
    }

    [Authorize]
    [GraphQLDescription("Moderators and the owner: invites a user to a private room.")]
    public async Task<RoomMemberNode> InviteToRoomAsync(RoomMemberInput input, [Service] InviteToRoomHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new InviteToRoomCommand(new RoomId(input.RoomId), new UserId(input.UserId)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Moderators and the owner: removes a member ranked below them; they may rejoin a public room. Their live streams of the room end with NOT_A_MEMBER.")]
    public async Task<RoomMemberNode> KickMemberAsync(RoomMemberInput input, [Service] KickMemberHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new KickMemberCommand(new RoomId(input.RoomId), new UserId(input.UserId)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Moderators and the owner: bans a user until `unbanMember`; they cannot read, rejoin or be invited again, and their live streams of the room end with BANNED.")]
    public async Task<RoomMemberNode> BanMemberAsync(RoomMemberInput input, [Service] BanMemberHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new BanMemberCommand(new RoomId(input.RoomId), new UserId(input.UserId)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Moderators and the owner: lifts a ban (INVALID_STATE when the user is not banned). The user may join a public room again, a private one once invited again.")]
    public async Task<RoomMemberNode> UnbanMemberAsync(RoomMemberInput input, [Service] UnbanMemberHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new UnbanMemberCommand(new RoomId(input.RoomId), new UserId(input.UserId)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Moderators and the owner: stops a member sending until a time, or lifts that.")]
    public async Task<RoomMemberNode> MuteMemberAsync(MuteMemberInput input, [Service] MuteMemberHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new MuteMemberCommand(new RoomId(input.RoomId), new UserId(input.UserId), input.Until), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("The owner: makes a member a moderator, or a moderator a member.")]
    public async Task<RoomMemberNode> SetMemberRoleAsync(SetMemberRoleInput input, [Service] SetMemberRoleHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new SetMemberRoleCommand(new RoomId(input.RoomId), new UserId(input.UserId), input.Role), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("The owner: hands the room to an active member (NOT_A_MEMBER otherwise; INVALID_STATE while they are muted) and stays on as a moderator. Returns the new owner.")]
    public async Task<RoomMemberNode> TransferRoomOwnershipAsync(RoomMemberInput input, [Service] TransferRoomOwnershipHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new RoomMemberNode(await handler.HandleAsync(new TransferRoomOwnershipCommand(new RoomId(input.RoomId), new UserId(input.UserId)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Members: sends a message. A retry with the same clientMessageId returns the first message; other text under it is CONFLICT. MUTED, BANNED, NOT_A_MEMBER, INVALID_TEXT, MESSAGE_TOO_LONG, or RATE_LIMITED with `extensions.retryAfter` (seconds).")]
    public async Task<MessageNode> SendMessageAsync(SendMessageInput input, [Service] SendMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new MessageNode(await handler.HandleAsync(new SendMessageCommand(new RoomId(input.RoomId), input.Text, input.ClientMessageId), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Signed in: sends a direct message to another user, opening your conversation with the first one. Same rules as sendMessage.")]
    public async Task<MessageNode> SendDirectMessageAsync(SendDirectMessageInput input, [Service] SendDirectMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new MessageNode(await handler.HandleAsync(new SendDirectMessageCommand(new UserId(input.ToUserId), input.Text, input.ClientMessageId), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Authors: replaces the text of their own message; it keeps its sequence.")]
    public async Task<MessageNode> EditMessageAsync(EditMessageInput input, [Service] EditMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return new MessageNode(await handler.HandleAsync(new EditMessageCommand(new MessageId(input.MessageId), input.Text), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Authors delete their own messages, moderators any: a tombstone keeps its place.")]
    public async Task<MessageNode> DeleteMessageAsync([ID] Guid messageId, [Service] DeleteMessageHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new MessageNode(await handler.HandleAsync(new DeleteMessageCommand(new MessageId(messageId)), cancellationToken).ConfigureAwait(false));
    }

    [Authorize]
    [GraphQLDescription("Members: moves your read marker forward (never back, never past the room's last sequence). Returns the marker.")]
    public async Task<long> MarkReadAsync(MarkReadInput input, [Service] MarkReadHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(new MarkReadCommand(new RoomId(input.RoomId), input.Sequence), cancellationToken).ConfigureAwait(false);
    }

    [Authorize]
    [GraphQLDescription("Members who may send: tells the room's `typing` watchers you are typing. Throttled: answers false when a signal of yours went out under 2 seconds ago. Nothing is stored.")]
    public Task<bool> SendTypingAsync([ID] Guid roomId, [Service] SignalTypingHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return handler.HandleAsync(new SignalTypingCommand(new RoomId(roomId)), cancellationToken);
    }
}
