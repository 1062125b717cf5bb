using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.MuteMember;

/// <param name="RoomId">The room.</param>
/// <param name="UserId">The member to mute.</param>
/// <param name="Until">When the mute ends (UTC); null lifts a mute.</param>
public sealed record MuteMemberCommand(RoomId RoomId, UserId UserId, DateTimeOffset? Until);

public sealed class MuteMemberValidator : AbstractValidator<MuteMemberCommand>
{
    public MuteMemberValidator() =>
        RuleFor(c => c.Until).Must(t => t is null || t.Value.Offset == TimeSpan.Zero).WithMessage("The end of a mute must be given in UTC.");
}

public sealed class MuteMemberHandler(
    IValidator<MuteMemberCommand> validator,
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<RoomMemberView> HandleAsync(MuteMemberCommand command, CancellationToken cancellationToken)
    {
        var moderator = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        return await unitOfWork.ChangeRoomAsync(chat, publisher, command.RoomId, async (room, ct) =>
        {
            var actor = await chat.GetMemberAsync(room.Id, moderator, ct).ConfigureAwait(false);
            var target = await chat.GetMemberAsync(room.Id, command.UserId, ct).ConfigureAwait(false)
                ?? throw new DomainException(ErrorCodes.NotAMember, "This user is not in the room.");
            room.Mute(actor, target, command.Until, clock);
            return RoomMemberView.From(target);
        }, cancellationToken).ConfigureAwait(false);
    }
}
