using Voting.Application.Elections;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Elections;

namespace Voting.WebApi.GraphQL;

[GraphQLName("Candidate")]
[GraphQLDescription("A choice on an election's ballot.")]
public sealed class CandidateNode(CandidateView view, Guid electionId)
{
    [ID]
    [GraphQLDescription("The candidate's ID.")]
    public Guid Id { get; } = view.Id.Value;

    [GraphQLDescription("The name on the ballot, unique in the election.")]
    public string Name { get; } = view.Name;

    [GraphQLDescription("More about the candidate; may be empty.")]
    public string Description { get; } = view.Description;

    [GraphQLDescription("Where the candidate stands on the ballot: candidates are listed by this number, lowest first.")]
    public int BallotOrder { get; } = view.DisplayOrder;

    [GraphQLDescription("The election the candidate stands in.")]
    public async Task<ElectionNode> GetElectionAsync(ElectionsByIdDataLoader electionsById, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(electionsById);
        // A candidate is reached only through an election the caller may see, so it is found.
        return await electionsById.LoadAsync(electionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Election {electionId} of candidate {Id} was not found.");
    }
}
