using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("A message: 1 to 4000 UTF-16 code units, no control characters but line breaks and tabs. Retrying with the same `clientMessageId` returns the first message instead of sending twice.")]
public sealed record SendMessageInput([property: ID] Guid RoomId, string Text, string ClientMessageId);
