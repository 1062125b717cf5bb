using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.JoinRoom;

public sealed record JoinRoomCommand(RoomId RoomId);

/// <summary>Joins a public or election room, or a private one the caller was invited to; joining again changes nothing.</summary>
public sealed class JoinRoomHandler(
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(JoinRoomCommand command, CancellationToken cancellationToken)
    {
        var user = currentUser.RequireSignedIn();
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var existing = await chat.GetMemberAsync(room.Id, user, ct).ConfigureAwait(false);
            return RoomMemberView.From(room.Join(user, existing, clock));
        }, cancellationToken).ConfigureAwait(false);
    }
}
