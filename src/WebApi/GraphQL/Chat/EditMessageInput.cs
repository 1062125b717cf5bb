using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("New text for your own message.")]
public sealed record EditMessageInput([property: ID] Guid MessageId, string Text);
