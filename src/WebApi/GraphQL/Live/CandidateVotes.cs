using Voting.Application.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Live;

[GraphQLDescription("One candidate's votes in a tally.")]
public sealed class CandidateVotes(CandidateTally tally)
{
    [ID]
    public Guid CandidateId { get; } = tally.CandidateId.Value;

    public string Name { get; } = tally.Name;

    [GraphQLDescription("Where the candidate stands on the ballot, lowest first.")]
    public int BallotOrder { get; } = tally.DisplayOrder;

    public long Votes { get; } = tally.Votes;
}
