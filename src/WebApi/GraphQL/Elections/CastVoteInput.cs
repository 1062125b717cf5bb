using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLDescription("A ballot: the election and the one candidate chosen.")]
public sealed record CastVoteInput([property: ID, GraphQLDescription("The election's ID.")] Guid ElectionId, [property: ID, GraphQLDescription("The candidate's ID.")] Guid CandidateId);
