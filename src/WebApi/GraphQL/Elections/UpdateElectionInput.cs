using Voting.Domain.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLDescription("New details of a draft or scheduled election; every field is replaced.")]
public sealed record UpdateElectionInput(
    [property: ID, GraphQLDescription("The election's ID.")] Guid ElectionId,
    [property: GraphQLDescription("1 to 200 characters.")] string Title,
    [property: GraphQLDescription("Up to 4000 characters.")] string? Description,
    [property: GraphQLDescription("When voting opens, in UTC.")] DateTimeOffset OpensAt,
    [property: GraphQLDescription("When voting closes, in UTC: after the opening and in the future.")] DateTimeOffset ClosesAt,
    [property: GraphQLDescription("LIVE: counts visible while voting runs; AFTER_CLOSE: only once it closes.")] ResultsVisibility ResultsVisibility);
