using Voting.Application.Voting.VerifyReceipt;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Elections;

[GraphQLName("ReceiptVerification")]
[GraphQLDescription("Whether the ballot behind a receipt is recorded. It never says the choice.")]
public sealed class ReceiptVerificationNode(ReceiptVerification verification)
{
    [GraphQLDescription("Whether a ballot with this receipt is in the election's box.")]
    public bool Recorded => verification.Recorded;

    [GraphQLDescription("The ballot's place in the election's sequence, when recorded.")]
    public long? Sequence => verification.Sequence;
}
