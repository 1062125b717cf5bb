using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Ballots;
using Voting.Domain.Elections;

namespace Voting.Application.Voting.VerifyReceipt;

public sealed record VerifyReceiptQuery(ElectionId ElectionId, string Receipt);

/// <summary>Whether the ballot behind a receipt is recorded, and at which sequence. Never the choice.</summary>
public sealed record ReceiptVerification(bool Recorded, long? Sequence);

public sealed class VerifyReceiptValidator : AbstractValidator<VerifyReceiptQuery>
{
    public VerifyReceiptValidator()
    {
        RuleFor(q => q.Receipt).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(64)
            .Must(Domain.Ballots.Receipt.IsValid).WithMessage("Receipt is not well formed.");
    }
}

public sealed class VerifyReceiptHandler(IValidator<VerifyReceiptQuery> validator, ICurrentUser currentUser, IElectionQueries queries)
{
    public async Task<ReceiptVerification> HandleAsync(VerifyReceiptQuery query, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(query, cancellationToken).ConfigureAwait(false);
        await queries.GetVisibleAsync(currentUser, query.ElectionId, cancellationToken).ConfigureAwait(false);
        var receipt = Receipt.Parse(query.Receipt);
        var sequence = await queries.FindBallotSequenceAsync(query.ElectionId, receipt.Hash, cancellationToken).ConfigureAwait(false);
        return new ReceiptVerification(sequence is not null, sequence);
    }
}
