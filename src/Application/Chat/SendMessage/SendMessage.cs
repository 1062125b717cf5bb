using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.SendMessage;

/// <param name="RoomId">The room.</param>
/// <param name="Text">Stored exactly as given (1 to 4,000 UTF-16 code units, no control characters but line breaks and tabs).</param>
/// <param name="ClientMessageId">The client's ID for this message: a retry with the same ID returns the first message.</param>
public sealed record SendMessageCommand(RoomId RoomId, string Text, string ClientMessageId);

public sealed class SendMessageValidator : AbstractValidator<SendMessageCommand>
{
    // The text's own rules answer with their codes (INVALID_TEXT, MESSAGE_TOO_LONG) from the domain.
    public SendMessageValidator()
    {
        RuleFor(c => c.Text).NotNull();
        RuleFor(c => c.ClientMessageId).NotEmpty().MaximumLength(MessageText.MaxClientMessageIdLength);
    }
}

public sealed class SendMessageHandler(
    IValidator<SendMessageCommand> validator,
    ICurrentUser currentUser,
    IChatRepository chat,
    IChatRateLimiter rateLimiter,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<MessageView> HandleAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var sender = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        return await unitOfWork.ChangeRoomAsync(
            chat,
            publisher,
            command.RoomId,
            (room, ct) => MessageSending.SendAsync(room, sender, command.Text, command.ClientMessageId, chat, rateLimiter, clock, ct),
            cancellationToken).ConfigureAwait(false);
    }
}
