using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Domain.Chat;

/// <summary>
/// A message in a room. Its <see cref="Sequence"/> is its place in the room's log and never
/// changes; deleting leaves a tombstone (empty text, <see cref="DeletedAt"/> set) in that place.
/// </summary>
public sealed class Message
{
    private Message()
    {
    }

    internal Message(RoomId roomId, long sequence, UserId? authorId, MessageKind kind, SystemNotice? notice, UserId? subjectId, string text, string? clientMessageId, DateTimeOffset sentAt)
    {
        Id = MessageId.New();
        RoomId = roomId;
        Sequence = sequence;
        AuthorId = authorId;
        Kind = kind;
        Notice = notice;
        SubjectId = subjectId;
        Text = text;
        ClientMessageId = clientMessageId;
        SentAt = sentAt;
    }

    public MessageId Id { get; private set; }

    public RoomId RoomId { get; private set; }

    public long Sequence { get; private set; }

    /// <summary>Null for a system message.</summary>
    public UserId? AuthorId { get; private set; }

    public MessageKind Kind { get; private set; }

    /// <summary>What a system message announces; null for a member's message.</summary>
    public SystemNotice? Notice { get; private set; }

    /// <summary>Whom a system message is about (the user welcomed); null otherwise.</summary>
    public UserId? SubjectId { get; private set; }

    /// <summary>Exactly as sent; empty once deleted.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>The sender's ID for the message (a system message's idempotency key); unique per room and author.</summary>
    public string? ClientMessageId { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset? EditedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public UserId? DeletedBy { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    internal void Edit(string text, DateTimeOffset now)
    {
        Text = text;
        EditedAt = now;
    }

    internal void Delete(UserId by, DateTimeOffset now)
    {
        Text = string.Empty;
        DeletedAt = now;
        DeletedBy = by;
    }

    internal void EnsureIn(RoomId roomId)
    {
        if (RoomId != roomId)
        {
            throw new DomainException(ErrorCodes.MessageNotFound, "The message is not in this room.");
        }
    }
}
