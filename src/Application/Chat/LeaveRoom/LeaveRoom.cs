using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.LeaveRoom;

public sealed record LeaveRoomCommand(RoomId RoomId);

public sealed class LeaveRoomHandler(
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomId> HandleAsync(LeaveRoomCommand command, CancellationToken cancellationToken)
    {
        var user = currentUser.RequireSignedIn();
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var member = await chat.GetMemberAsync(room.Id, user, ct).ConfigureAwait(false)
                ?? throw new DomainException(ErrorCodes.NotAMember, "You are not a member of this room.");
            room.Leave(member, clock);
            return room.Id;
        }, cancellationToken).ConfigureAwait(false);
    }
}
