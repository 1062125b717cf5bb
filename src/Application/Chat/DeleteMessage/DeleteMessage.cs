using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.DeleteMessage;

public sealed record DeleteMessageCommand(MessageId MessageId);

/// <summary>Authors delete their own messages, moderators any; a tombstone keeps the message's place.</summary>
public sealed class DeleteMessageHandler(
    ICurrentUser currentUser,
    IChatRepository chat,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
{
    public async Task<MessageView> HandleAsync(DeleteMessageCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.RequireSignedIn();
        var roomId = await chat.FindRoomOfMessageAsync(command.MessageId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.MessageNotFound, $"Message '{command.MessageId}' was not found.");
        return await unitOfWork.ChangeRoomAsync(chat, publisher, roomId, async (room, ct) =>
        {
            var member = await chat.GetMemberAsync(room.Id, actor, ct).ConfigureAwait(false);
            var message = await chat.GetRequiredMessageAsync(command.MessageId, ct).ConfigureAwait(false);
            room.Delete(member, message, clock);
            return MessageView.From(message);
        }, cancellationToken).ConfigureAwait(false);
    }
}
