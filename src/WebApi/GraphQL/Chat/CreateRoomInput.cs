using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("A new room: PUBLIC (anyone signed in may join) or PRIVATE (by invitation).")]
public sealed record CreateRoomInput(RoomKind Kind, string Name);
