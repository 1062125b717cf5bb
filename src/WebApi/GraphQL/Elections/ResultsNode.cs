using Voting.Application.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLName("Results")]
[GraphQLDescription("The outcome of a closed election.")]
public sealed class ResultsNode(ResultsView view)
{
    [GraphQLDescription("The final count.")]
    public TallyNode Tally => new(view.Tally);

    [GraphQLDescription("The candidates with the most votes: more than one when the top count is tied, none when nobody voted.")]
    public IReadOnlyList<CandidateTallyNode> Winners => [.. view.Winners.Select(w => new CandidateTallyNode(w))];

    [GraphQLDescription("Whether more than one candidate shares the top count.")]
    public bool IsTie => view.IsTie;

    [GraphQLDescription("How many voters took part.")]
    public long Participations => view.Participations;

    [GraphQLDescription("How many could have: the voter roll's size, or the registered voters when the election closed.")]
    public long Electorate => view.Electorate;

    [GraphQLDescription("Participations over the electorate, from 0 to 1.")]
    public double Turnout => view.Turnout;

    [GraphQLDescription("Whether the results are published (false: closed, seen by officials before publication).")]
    public bool Published => view.Published;
}
