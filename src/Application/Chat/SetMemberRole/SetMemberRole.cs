using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.SetMemberRole;

public sealed record SetMemberRoleCommand(RoomId RoomId, UserId UserId, MemberRole Role);

public sealed class SetMemberRoleValidator : AbstractValidator<SetMemberRoleCommand>
{
    public SetMemberRoleValidator() =>
        RuleFor(c => c.Role).Must(r => r is MemberRole.Member or MemberRole.Moderator).WithMessage("A member can be made a moderator or a member.");
}

/// <summary>The owner makes a member a moderator, or a moderator a member again.</summary>
public sealed class SetMemberRoleHandler(
    IValidator<SetMemberRoleCommand> validator,
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(SetMemberRoleCommand command, CancellationToken cancellationToken)
    {
        var owner = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var actor = await chat.GetMemberAsync(room.Id, owner, ct).ConfigureAwait(false);
            var target = await chat.GetMemberAsync(room.Id, command.UserId, ct).ConfigureAwait(false)
                ?? throw new DomainException(ErrorCodes.NotAMember, "This user is not in the room.");
            room.SetRole(actor, target, command.Role, clock);
            return RoomMemberView.From(target);
        }, cancellationToken).ConfigureAwait(false);
    }
}
