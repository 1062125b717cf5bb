using Voting.Application.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL;

[GraphQLName("Candidate")]
[GraphQLDescription("A choice on an election's ballot.")]
public sealed class CandidateNode(CandidateView view)
{
    [ID]
    public Guid Id { get; } = view.Id.Value;

    public string Name { get; } = view.Name;

    public string Description { get; } = view.Description;

    [GraphQLDescription("Where the candidate stands on the ballot: candidates are listed by this number, lowest first.")]
    public int BallotOrder { get; } = view.DisplayOrder;
}
