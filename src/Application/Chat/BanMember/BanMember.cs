using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.BanMember;

public sealed record BanMemberCommand(RoomId RoomId, UserId UserId);

/// <summary>Bans a user from the room for good, whether or not they ever joined it.</summary>
public sealed class BanMemberHandler(
    ICurrentUser currentUser,
    IUserRepository users,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(BanMemberCommand command, CancellationToken cancellationToken)
    {
        var moderator = currentUser.RequireSignedIn();
        _ = await users.GetAsync(command.UserId, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound($"User '{command.UserId}' was not found.");
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var actor = await chat.GetMemberAsync(room.Id, moderator, ct).ConfigureAwait(false);
            var target = await chat.GetMemberAsync(room.Id, command.UserId, ct).ConfigureAwait(false);
            return RoomMemberView.From(room.Ban(actor, command.UserId, target, clock));
        }, cancellationToken).ConfigureAwait(false);
    }
}
