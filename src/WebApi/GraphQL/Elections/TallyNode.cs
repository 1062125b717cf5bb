using Voting.Application.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLName("Tally")]
[GraphQLDescription("Ballots per candidate at one moment.")]
public sealed class TallyNode(TallyView view)
{
    [ID]
    [GraphQLDescription("The election's ID.")]
    public Guid ElectionId => view.ElectionId.Value;

    [GraphQLDescription("Every candidate with their votes, in ballot order.")]
    public IReadOnlyList<CandidateTallyNode> Candidates => [.. view.Candidates.Select(c => new CandidateTallyNode(c))];

    [GraphQLDescription("All ballots counted.")]
    public long Total => view.Total;

    [GraphQLDescription("The highest ballot sequence counted: it never goes backwards, so keep the tally with the larger version.")]
    public long Version => view.Version;

    [GraphQLDescription("When the count was taken.")]
    public DateTimeOffset AsOf => view.AsOf;
}
