using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLDescription("A candidate to put on a draft or scheduled election's ballot.")]
public sealed record AddCandidateInput(
    [property: ID, GraphQLDescription("The election's ID.")] Guid ElectionId,
    [property: GraphQLDescription("1 to 200 characters, unique in the election (ignoring case).")] string Name,
    [property: GraphQLDescription("Up to 1000 characters.")] string? Description,
    [property: GraphQLDescription("Where on the ballot, 0 or more; after the last candidate when not given.")] int? BallotOrder);
