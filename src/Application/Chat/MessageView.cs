using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>A message as clients get it; a deleted one is a tombstone with empty text and <see cref="DeletedAt"/> set.</summary>
public sealed record MessageView(
    MessageId Id,
    RoomId RoomId,
    long Sequence,
    UserId? AuthorId,
    MessageKind Kind,
    SystemNotice? Notice,
    UserId? SubjectId,
    string Text,
    string? ClientMessageId,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt)
{
    public static MessageView From(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.RoomId, message.Sequence, message.AuthorId, message.Kind, message.Notice, message.SubjectId,
            message.Text, message.ClientMessageId, message.SentAt, message.EditedAt, message.DeletedAt);
    }
}
