using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.MarkRead;

public sealed record MarkReadCommand(RoomId RoomId, long Sequence);

public sealed class MarkReadValidator : AbstractValidator<MarkReadCommand>
{
    public MarkReadValidator() => RuleFor(c => c.Sequence).GreaterThanOrEqualTo(0);
}

/// <summary>
/// Moves the caller's read marker forward. It takes no place in the room's log (nobody else sees
/// it) and no lock: the store moves the marker only forward, so two devices cannot move it back.
/// </summary>
public sealed class MarkReadHandler(
    IValidator<MarkReadCommand> validator,
    ICurrentUser currentUser,
    IChatRepository chat)
{
    public async Task<long> HandleAsync(MarkReadCommand command, CancellationToken cancellationToken)
    {
        var reader = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var room = await chat.GetAsync(command.RoomId, cancellationToken).ConfigureAwait(false) ?? throw RoomTransactions.RoomNotFound(command.RoomId);
        var member = await chat.GetMemberAsync(room.Id, reader, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.NotAMember, "You are not a member of this room.");
        member.MarkRead(command.Sequence, room.LastSequence);
        await chat.AdvanceReadMarkerAsync(room.Id, reader, member.LastReadSequence, cancellationToken).ConfigureAwait(false);
        return member.LastReadSequence;
    }
}
