using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.KickMember;

public sealed record KickMemberCommand(RoomId RoomId, UserId UserId);

public sealed class KickMemberHandler(
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(KickMemberCommand command, CancellationToken cancellationToken)
    {
        var moderator = currentUser.RequireSignedIn();
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var actor = await chat.GetMemberAsync(room.Id, moderator, ct).ConfigureAwait(false);
            var target = await chat.GetMemberAsync(room.Id, command.UserId, ct).ConfigureAwait(false)
                ?? throw new DomainException(ErrorCodes.NotAMember, "This user is not in the room.");
            room.Kick(actor, target, clock);
            return RoomMemberView.From(target);
        }, cancellationToken).ConfigureAwait(false);
    }
}
