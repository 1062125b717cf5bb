using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.EditMessage;

public sealed record EditMessageCommand(MessageId MessageId, string Text);

public sealed class EditMessageValidator : AbstractValidator<EditMessageCommand>
{
    public EditMessageValidator() => RuleFor(c => c.Text).NotNull();
}

/// <summary>Authors edit their own messages; the message keeps its sequence and the edit takes the next one.</summary>
public sealed class EditMessageHandler(
    IValidator<EditMessageCommand> validator,
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<MessageView> HandleAsync(EditMessageCommand command, CancellationToken cancellationToken)
    {
        var editor = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var roomId = await chat.FindRoomOfMessageAsync(command.MessageId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.MessageNotFound, $"Message '{command.MessageId}' was not found.");
        return await unitOfWork.ChangeRoomAsync(chat, publisher, roomId, async (room, ct) =>
        {
            var member = await chat.GetMemberAsync(room.Id, editor, ct).ConfigureAwait(false);
            var message = await chat.GetRequiredMessageAsync(command.MessageId, ct).ConfigureAwait(false);
            room.Edit(member, message, command.Text, clock);
            return MessageView.From(message);
        }, cancellationToken).ConfigureAwait(false);
    }
}
