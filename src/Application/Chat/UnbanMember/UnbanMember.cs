using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.UnbanMember;

public sealed record UnbanMemberCommand(RoomId RoomId, UserId UserId);

/// <summary>Lifts a ban: the user may join again, a private room once invited again.</summary>
public sealed class UnbanMemberHandler(
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(UnbanMemberCommand command, CancellationToken cancellationToken)
    {
        var moderator = currentUser.RequireSignedIn();
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var actor = await chat.GetMemberAsync(room.Id, moderator, ct).ConfigureAwait(false);
            var target = await chat.GetMemberAsync(room.Id, command.UserId, ct).ConfigureAwait(false);
            return RoomMemberView.From(room.Unban(actor, target, clock));
        }, cancellationToken).ConfigureAwait(false);
    }
}
