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
    /// <summary>
    /// Sends, holding the room's lock as briefly as it can: the room's lock is what orders every room's
    /// entries, so its hold time bounds how many messages a room takes per second. A retry is answered
    /// from its committed message without the lock, and the allowance is asked for while the lock is
    /// awaited; under the lock only the sender's membership is read before the message is written.
    /// </summary>
    public async Task<MessageView> HandleAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var sender = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        if (await chat.FindByClientMessageIdAsync(command.RoomId, sender, command.ClientMessageId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            // A retry changes nothing: the room's rules decide what it answers, under no lock.
            var room = await chat.GetAsync(command.RoomId, cancellationToken).ConfigureAwait(false) ?? throw RoomTransactions.RoomNotFound(command.RoomId);
            var member = await chat.GetMemberAsync(room.Id, sender, cancellationToken).ConfigureAwait(false);
            return MessageView.From(room.Send(member, command.Text, command.ClientMessageId, earlier, clock));
        }

        // Spent even when the room then refuses the send (muted, banned): the allowance counts attempts.
        var charge = rateLimiter.TryAcquireAsync(sender, command.RoomId, cancellationToken).AsTask();
        var attempts = 0;
        try
        {
            return await unitOfWork.ChangeRoomAsync(
                chat,
                publisher,
                command.RoomId,
                async (room, ct) => await MessageSending.SendAsync(
                    room,
                    sender,
                    command.Text,
                    command.ClientMessageId,
                    // Another request with this client ID may have committed since the look above: a second attempt (after
                    // losing the insert race to it) answers with its message.
                    attempts++ == 0 ? null : await chat.FindByClientMessageIdAsync(room.Id, sender, command.ClientMessageId, ct).ConfigureAwait(false),
                    () => new ValueTask<TimeSpan?>(charge),
                    chat,
                    clock,
                    ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A send the room refused never looks at its allowance: a failure to take it then reaches no one.
            _ = charge.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
