using Voting.Application.Voting.CastVote;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLName("VoteReceipt")]
[GraphQLDescription("Proof that a ballot was recorded, shown once: keep the receipt to check later with `verifyReceipt`. It reveals nothing about the choice.")]
public sealed class VoteReceiptNode(CastVoteReceipt receipt)
{
    [ID]
    [GraphQLDescription("The election's ID.")]
    public Guid ElectionId => receipt.ElectionId.Value;

    [GraphQLDescription("The receipt; the server keeps only its hash, so it cannot be shown again.")]
    public string Receipt => receipt.Receipt;

    [GraphQLDescription("The ballot's place in the election's sequence.")]
    public long Sequence => receipt.Sequence;
}
