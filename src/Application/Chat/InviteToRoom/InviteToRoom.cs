using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.InviteToRoom;

public sealed record InviteToRoomCommand(RoomId RoomId, UserId UserId);

/// <summary>A moderator or the owner invites a registered user to a private room.</summary>
public sealed class InviteToRoomHandler(
    ICurrentUser currentUser,
    IUserRepository users,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(InviteToRoomCommand command, CancellationToken cancellationToken)
    {
        var inviter = currentUser.RequireSignedIn();
        _ = await users.GetAsync(command.UserId, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound($"User '{command.UserId}' was not found.");
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var actor = await chat.GetMemberAsync(room.Id, inviter, ct).ConfigureAwait(false);
            var existing = await chat.GetMemberAsync(room.Id, command.UserId, ct).ConfigureAwait(false);
            return RoomMemberView.From(room.Invite(actor, command.UserId, existing, clock));
        }, cancellationToken).ConfigureAwait(false);
    }
}
