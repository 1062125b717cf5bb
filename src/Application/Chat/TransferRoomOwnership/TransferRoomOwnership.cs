using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.TransferRoomOwnership;

public sealed record TransferRoomOwnershipCommand(RoomId RoomId, UserId UserId);

/// <summary>The owner hands the room to an active member and stays on as a moderator (free then to leave).</summary>
public sealed class TransferRoomOwnershipHandler(
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(TransferRoomOwnershipCommand command, CancellationToken cancellationToken)
    {
        var owner = currentUser.RequireSignedIn();
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var actor = await chat.GetMemberAsync(room.Id, owner, ct).ConfigureAwait(false);
            var target = await chat.GetMemberAsync(room.Id, command.UserId, ct).ConfigureAwait(false)
                ?? throw new DomainException(ErrorCodes.NotAMember, "This user is not in the room.");
            room.TransferOwnership(actor, target, clock);
            return RoomMemberView.From(target);
        }, cancellationToken).ConfigureAwait(false);
    }
}
