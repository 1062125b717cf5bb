using Voting.Application.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("MessagePage")]
[GraphQLDescription("Messages in sequence order. Page on with `after: endSequence` or back with `before: startSequence`.")]
public sealed class MessagePageNode(MessagePage page)
{
    public IReadOnlyList<MessageNode> Messages { get; } = [.. page.Messages.Select(m => new MessageNode(m))];

    public bool HasPreviousPage { get; } = page.HasPreviousPage;

    public bool HasNextPage { get; } = page.HasNextPage;

    public long? StartSequence { get; } = page.Messages.Count == 0 ? null : page.Messages[0].Sequence;

    public long? EndSequence { get; } = page.Messages.Count == 0 ? null : page.Messages[^1].Sequence;
}
