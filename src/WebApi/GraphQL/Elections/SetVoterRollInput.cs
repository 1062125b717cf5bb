using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLDescription("Who may vote in a draft or scheduled election.")]
public sealed record SetVoterRollInput(
    [property: ID, GraphQLDescription("The election's ID.")] Guid ElectionId,
    [property: GraphQLDescription("The citizen IDs allowed to vote (1 or more, valid 13-digit IDs); null opens the election to every registered voter again.")] IReadOnlyList<string>? CitizenIds);
