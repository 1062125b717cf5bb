using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Tests.TestSupport;
using Voting.Application.Voting.VerifyReceipt;
using Voting.Domain.Ballots;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Xunit;

namespace Voting.Application.Tests.Voting.VerifyReceipt;

public sealed class VerifyReceiptHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly ElectionDetails _election;
    private readonly Receipt _receipt = Receipt.New();

    public VerifyReceiptHandlerTests()
    {
        _election = Stored(TestDetails.Of(ElectionStatus.Open));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recorded_receipt_reports_its_sequence()
    {
        _queries.FindBallotSequenceAsync(_election.Id, _receipt.Hash, Arg.Any<CancellationToken>()).Returns(17L);

        var verification = await Handler().HandleAsync(new VerifyReceiptQuery(_election.Id, _receipt.Value), Ct);

        Assert.Equal(new ReceiptVerification(true, 17), verification);
    }

    [Fact]
    public async Task An_unrecorded_receipt_reports_no_sequence()
    {
        var verification = await Handler().HandleAsync(new VerifyReceiptQuery(_election.Id, _receipt.Value), Ct);

        Assert.Equal(new ReceiptVerification(false, null), verification);
        await _queries.Received(1).FindBallotSequenceAsync(_election.Id, _receipt.Hash, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_receipt_typed_back_loosely_is_looked_up_by_the_same_hash()
    {
        _queries.FindBallotSequenceAsync(_election.Id, _receipt.Hash, Arg.Any<CancellationToken>()).Returns(3L);
        var typed = _receipt.Value.Replace("-", " ", StringComparison.Ordinal).Replace('0', 'o').Replace('1', 'l').ToLowerInvariant();

        var verification = await Handler().HandleAsync(new VerifyReceiptQuery(_election.Id, typed), Ct);

        Assert.Equal(new ReceiptVerification(true, 3), verification);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_receipt_is_refused(string receipt)
    {
        await Refusals.InvalidAsync(() => Handler().HandleAsync(new VerifyReceiptQuery(_election.Id, receipt), Ct), "Receipt");

        await AssertNotLookedUpAsync();
    }

    [Fact]
    public async Task An_oversized_receipt_is_refused()
    {
        await Refusals.InvalidAsync(() => Handler().HandleAsync(new VerifyReceiptQuery(_election.Id, new string('A', 65)), Ct), "Receipt");

        await AssertNotLookedUpAsync();
    }

    [Theory]
    [InlineData("ABCD")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678U")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-0")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678!")]
    public async Task A_malformed_receipt_is_refused_as_invalid(string receipt)
    {
        await Refusals.InvalidAsync(() => Handler().HandleAsync(new VerifyReceiptQuery(_election.Id, receipt), Ct), "Receipt");

        await AssertNotLookedUpAsync();
    }

    [Fact]
    public async Task A_malformed_receipt_is_invalid_before_the_election_is_looked_up()
    {
        await Refusals.InvalidAsync(() => Handler().HandleAsync(new VerifyReceiptQuery(ElectionId.New(), "not-a-receipt"), Ct), "Receipt");

        await _queries.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
    }

    [Fact]
    public async Task A_draft_is_not_found_for_a_voter()
    {
        var draft = Stored(TestDetails.Of(ElectionStatus.Draft));

        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Voter()).HandleAsync(new VerifyReceiptQuery(draft.Id, _receipt.Value), Ct));

        await AssertNotLookedUpAsync();
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler().HandleAsync(new VerifyReceiptQuery(ElectionId.New(), _receipt.Value), Ct));

        await AssertNotLookedUpAsync();
    }

    private async Task AssertNotLookedUpAsync() =>
        await _queries.DidNotReceiveWithAnyArgs().FindBallotSequenceAsync(default, default!, Ct);

    private ElectionDetails Stored(ElectionDetails election)
    {
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        return election;
    }

    private VerifyReceiptHandler Handler(ICurrentUser? caller = null) => new(new VerifyReceiptValidator(), caller ?? Callers.Anonymous(), _queries);
}
