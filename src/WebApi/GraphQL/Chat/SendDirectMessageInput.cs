using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("A direct message to another user; the first one opens your conversation.")]
public sealed record SendDirectMessageInput([property: ID] Guid ToUserId, string Text, string ClientMessageId);
