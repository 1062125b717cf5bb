using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("Your read marker in a room: everything up to `sequence` is read.")]
public sealed record MarkReadInput([property: ID] Guid RoomId, long Sequence);
