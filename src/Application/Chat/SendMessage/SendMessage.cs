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
    RoomSendQueue queue,
    IClock clock)
{
    /// <summary>
    /// A retry is answered from its committed message, under no lock. A new message asks for the
    /// sender's allowance at once and joins the room's next batch (<see cref="RoomSendQueue"/>), which
    /// holds the room's lock once for all of its messages; the allowance's answer is used there, after
    /// the room's own rules.
    /// </summary>
    public async Task<MessageView> HandleAsync(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var sender = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        if (await chat.FindByClientMessageIdAsync(command.RoomId, sender, command.ClientMessageId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            // A retry changes nothing: the room's rules decide what it answers.
            var room = await chat.GetAsync(command.RoomId, cancellationToken).ConfigureAwait(false) ?? throw RoomTransactions.RoomNotFound(command.RoomId);
            var member = await chat.GetMemberAsync(room.Id, sender, cancellationToken).ConfigureAwait(false);
            return MessageView.From(room.Send(member, command.Text, command.ClientMessageId, earlier, clock));
        }

        // Spent even when the room then refuses the send (muted, banned): the allowance counts attempts.
        var charge = rateLimiter.TryAcquireAsync(sender, command.RoomId, cancellationToken).AsTask();
        try
        {
            return await queue.SendAsync(command.RoomId, new QueuedSend(sender, command.Text, command.ClientMessageId, charge), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // A send refused before its allowance was looked at leaves its failure to no one.
            _ = charge.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
