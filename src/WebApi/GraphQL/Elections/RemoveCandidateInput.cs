using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLDescription("A candidate to take off a draft or scheduled election's ballot.")]
public sealed record RemoveCandidateInput([property: ID, GraphQLDescription("The election's ID.")] Guid ElectionId, [property: ID, GraphQLDescription("The candidate's ID.")] Guid CandidateId);
