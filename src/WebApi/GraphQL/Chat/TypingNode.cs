using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("Typing")]
[GraphQLDescription("A member started or kept typing; show it for a few seconds unless another comes.")]
public sealed record TypingNode([property: ID] Guid RoomId, [property: ID] Guid UserId, DateTimeOffset At);
