using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("A room and one user in it.")]
public sealed record RoomMemberInput([property: ID] Guid RoomId, [property: ID] Guid UserId);
