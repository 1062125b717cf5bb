using Voting.Application.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLName("CandidateTally")]
[GraphQLDescription("One candidate's votes.")]
public sealed class CandidateTallyNode(CandidateTally tally)
{
    [ID]
    [GraphQLDescription("The candidate's ID.")]
    public Guid CandidateId => tally.CandidateId.Value;

    [GraphQLDescription("The candidate's name.")]
    public string Name => tally.Name;

    [GraphQLDescription("Where the candidate stands on the ballot, lowest first.")]
    public int BallotOrder => tally.DisplayOrder;

    [GraphQLDescription("Ballots for the candidate.")]
    public long Votes => tally.Votes;
}
