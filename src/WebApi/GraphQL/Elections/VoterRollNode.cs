using Voting.Application.Elections.SetVoterRoll;
using Voting.Domain.Elections;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLName("VoterRoll")]
[GraphQLDescription("Who may vote in an election, as stored.")]
public sealed class VoterRollNode(VoterRollSummary summary)
{
    [GraphQLDescription("ALL_REGISTERED_VOTERS, or VOTER_ROLL: only the listed citizen IDs.")]
    public EligibilityMode Eligibility => summary.Eligibility;

    [GraphQLDescription("How many distinct citizen IDs the roll holds (0 without a roll).")]
    public int Size => summary.Size;

    [GraphQLDescription("The roll's published hash, so anyone can check the list they were shown; null without a roll.")]
    public string? Hash => summary.Hash;
}
