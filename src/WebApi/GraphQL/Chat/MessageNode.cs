using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("Message")]
[GraphQLDescription("A message in a room. Render `text` as text, never as HTML: it is stored exactly as sent. A deleted message stays as a tombstone (empty text, `deletedAt` set) in its place.")]
public sealed class MessageNode(MessageView message)
{
    [ID]
    public Guid Id { get; } = message.Id.Value;

    [ID]
    public Guid RoomId { get; } = message.RoomId.Value;

    [GraphQLDescription("Its place in the room's log; the cursor of `messages`.")]
    public long Sequence { get; } = message.Sequence;

    [ID]
    [GraphQLDescription("Who wrote it; null for a system message.")]
    public Guid? AuthorId { get; } = message.AuthorId?.Value;

    public MessageKind Kind { get; } = message.Kind;

    [GraphQLDescription("What a system message announces.")]
    public SystemNotice? Notice { get; } = message.Notice;

    [ID]
    [GraphQLDescription("Whom a system message is about (the user welcomed).")]
    public Guid? SubjectId { get; } = message.SubjectId?.Value;

    public string Text { get; } = message.Text;

    [GraphQLDescription("The sender's ID for the message, to match it with what the client sent.")]
    public string? ClientMessageId { get; } = message.ClientMessageId;

    public DateTimeOffset SentAt { get; } = message.SentAt;

    public DateTimeOffset? EditedAt { get; } = message.EditedAt;

    public DateTimeOffset? DeletedAt { get; } = message.DeletedAt;
}
