using Voting.Application.Voting.GetMyParticipation;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLName("Participation")]
[GraphQLDescription("Whether the signed-in voter took part in an election. It never says how they voted: nothing stored links a voter to a ballot.")]
public sealed class ParticipationNode(MyParticipation participation)
{
    [ID]
    [GraphQLDescription("The election's ID.")]
    public Guid ElectionId => participation.ElectionId.Value;

    [GraphQLDescription("Whether you voted.")]
    public bool HasVoted => participation.HasVoted;

    [GraphQLDescription("When, to the hour (UTC); null when not voted.")]
    public DateTimeOffset? VotedAt => participation.VotedAt;
}
