using Voting.Application.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("DirectConversation")]
[GraphQLDescription("Your conversation with one other user.")]
public sealed class DirectConversationNode(DirectConversation conversation)
{
    [ID]
    public Guid RoomId { get; } = conversation.RoomId.Value;

    [ID]
    [GraphQLDescription("The other user.")]
    public Guid WithUserId { get; } = conversation.With.Value;

    public long LastSequence { get; } = conversation.LastSequence;

    public long LastReadSequence { get; } = conversation.LastReadSequence;

    public int UnreadCount { get; } = conversation.UnreadCount;

    public DateTimeOffset CreatedAt { get; } = conversation.CreatedAt;

    public DateTimeOffset LastActivityAt { get; } = conversation.LastActivityAt;
}
