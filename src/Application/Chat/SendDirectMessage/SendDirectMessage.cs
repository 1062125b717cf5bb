using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.SendDirectMessage;

/// <param name="To">The other user.</param>
/// <param name="Text">As for a room message.</param>
/// <param name="ClientMessageId">As for a room message.</param>
public sealed record SendDirectMessageCommand(UserId To, string Text, string ClientMessageId);

public sealed class SendDirectMessageValidator : AbstractValidator<SendDirectMessageCommand>
{
    public SendDirectMessageValidator()
    {
        RuleFor(c => c.Text).NotNull();
        RuleFor(c => c.ClientMessageId).NotEmpty().MaximumLength(MessageText.MaxClientMessageIdLength);
    }
}

/// <summary>
/// Sends to another user in their direct conversation, which the first message between the two
/// creates. Two first messages racing each other end in the one conversation of the pair.
/// </summary>
public sealed class SendDirectMessageHandler(
    IValidator<SendDirectMessageCommand> validator,
    ICurrentUser currentUser,
    IUserRepository users,
    IChatRepository chat,
    IChatRateLimiter rateLimiter,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<MessageView> HandleAsync(SendDirectMessageCommand command, CancellationToken cancellationToken)
    {
        var sender = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        if (command.To == sender)
        {
            throw DomainException.Validation("A direct conversation is between two different users.");
        }

        _ = await users.GetAsync(command.To, cancellationToken).ConfigureAwait(false)
            ?? throw DomainException.NotFound($"User '{command.To}' was not found.");
        return await unitOfWork.ChangeRoomAsync(
            chat,
            publisher,
            ct => ConversationAsync(sender, command.To, ct),
            (room, ct) => MessageSending.SendAsync(room, sender, command.Text, command.ClientMessageId, chat, rateLimiter, clock, ct),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatRoom> ConversationAsync(UserId sender, UserId to, CancellationToken cancellationToken)
    {
        var key = ChatRoom.DirectKeyOf(sender, to);
        if (await chat.LockDirectAsync(key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var room = ChatRoom.Direct(sender, to, clock);
        if (await chat.TryAddDirectAsync(room, cancellationToken).ConfigureAwait(false))
        {
            // The two members are stored now, so the send that follows finds the sender among them.
            chat.Add(room.TakeNewRecords());
            return room;
        }

        return await chat.LockDirectAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The pair's conversation was made by another request but cannot be read.");
    }
}
