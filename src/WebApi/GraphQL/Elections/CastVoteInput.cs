using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLDescription("A ballot: the election and the one candidate chosen.")]
public sealed record CastVoteInput([property: ID] Guid ElectionId, [property: ID] Guid CandidateId);
