using System.Collections;
using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections.SetVoterRoll;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.SetVoterRoll;

public sealed class SetVoterRollHandlerTests
{
    private readonly IElectionRepository _elections = Substitute.For<IElectionRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>().RunsTransactionsOf<bool>();
    private readonly FakeClock _clock = new();
    private readonly Election _election;

    public SetVoterRollHandlerTests()
    {
        _election = TestElections.Draft(_clock);
        _elections.GetAsync(_election.Id, Arg.Any<CancellationToken>()).Returns(_election);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task An_official_sets_a_roll_which_replaces_the_stored_one_in_one_transaction(Role roles)
    {
        var first = CitizenIds.Valid(1);
        var second = CitizenIds.Valid(2);
        var expected = TestElections.Roll(1, 2);

        var summary = await Handler(Callers.SignedIn(roles)).HandleAsync(
            new SetVoterRollCommand(_election.Id, [second, first, $"{first[..6]}-{first[6..]}"]),
            Ct);

        Assert.Equal(new VoterRollSummary(EligibilityMode.VoterRoll, 2, expected.Hash), summary);
        Assert.Equal(EligibilityMode.VoterRoll, _election.Eligibility);
        Assert.Equal(2, _election.VoterRollSize);
        Assert.Equal(expected.Hash, _election.VoterRollHash);
        await _elections.Received(1).ReplaceVoterRollAsync(
            _election.Id,
            Arg.Is<VoterRoll?>(r => r != null && r.Hash == expected.Hash && r.CitizenIds.SequenceEqual(expected.CitizenIds)),
            Arg.Any<CancellationToken>());
        await _unitOfWork.ReceivedOneTransactionOf<bool>();
    }

    [Fact]
    public async Task A_null_roll_opens_the_election_to_all_registered_voters_again()
    {
        _election.SetVoterRoll(TestElections.Roll(1, 2, 3));

        var summary = await Handler(Callers.Admin()).HandleAsync(new SetVoterRollCommand(_election.Id, null), Ct);

        Assert.Equal(new VoterRollSummary(EligibilityMode.AllRegisteredVoters, 0, null), summary);
        Assert.Equal(EligibilityMode.AllRegisteredVoters, _election.Eligibility);
        Assert.Null(_election.VoterRollHash);
        await _elections.Received(1).ReplaceVoterRollAsync(_election.Id, null, Arg.Any<CancellationToken>());
        await _unitOfWork.ReceivedOneTransactionOf<bool>();
    }

    [Fact]
    public async Task The_roll_is_replaced_only_inside_the_transaction()
    {
        var inTransaction = false;
        _unitOfWork.InTransactionAsync(Arg.Any<Func<CancellationToken, Task<bool>>>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                inTransaction = true;
                var result = await call.Arg<Func<CancellationToken, Task<bool>>>()(call.ArgAt<CancellationToken>(1));
                inTransaction = false;
                return result;
            });
        var replacedInTransaction = new List<bool>();
        _elections.ReplaceVoterRollAsync(Arg.Any<ElectionId>(), Arg.Any<VoterRoll?>(), Arg.Any<CancellationToken>())
            .Returns(_ =>
            {
                replacedInTransaction.Add(inTransaction);
                return Task.CompletedTask;
            });

        await Handler(Callers.Admin()).HandleAsync(new SetVoterRollCommand(_election.Id, [CitizenIds.Valid(1)]), Ct);

        Assert.Equal([true], replacedInTransaction);
    }

    [Fact]
    public async Task Invalid_citizen_IDs_are_listed_and_nothing_is_written()
    {
        var wrongCheckDigit = CitizenIds.WithWrongCheckDigit(2);

        var refusal = await AssertInvalidAsync([CitizenIds.Valid(1), wrongCheckDigit, "12345", CitizenIds.Valid(3)]);

        var message = Assert.Single(refusal.Errors["CitizenIds"]);
        Assert.Contains($"'{wrongCheckDigit}'", message, StringComparison.Ordinal);
        Assert.Contains("'12345'", message, StringComparison.Ordinal);
        Assert.DoesNotContain(CitizenIds.Valid(1), message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_most_ten_invalid_IDs_are_listed()
    {
        string[] invalid = [.. Enumerable.Range(0, 12).Select(i => $"bad-{i:D2}")];

        var refusal = await AssertInvalidAsync(invalid);

        var message = Assert.Single(refusal.Errors["CitizenIds"]);
        Assert.Contains("'bad-09'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("bad-10", message, StringComparison.Ordinal);
        Assert.EndsWith(", ….", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_invalid_ID_is_shown_cut_to_twenty_characters()
    {
        var refusal = await AssertInvalidAsync([new string('9', 500)]);

        Assert.Contains($"'{new string('9', 20)}…'", Assert.Single(refusal.Errors["CitizenIds"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_entry_is_listed_as_invalid()
    {
        var refusal = await AssertInvalidAsync([CitizenIds.Valid(1), null!]);

        Assert.Contains("'null'", Assert.Single(refusal.Errors["CitizenIds"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_roll_is_refused() => await AssertInvalidAsync([]);

    [Fact]
    public async Task A_roll_larger_than_the_maximum_is_refused() =>
        await AssertInvalidAsync(new CountedAs(VoterRoll.MaxSize + 1, CitizenIds.Valid(1)));

    [Fact]
    public async Task An_unknown_election_is_not_found_and_no_roll_is_stored()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.NotFound,
            () => Handler(Callers.Admin()).HandleAsync(new SetVoterRollCommand(ElectionId.New(), [CitizenIds.Valid(1)]), Ct));

        await AssertNoRollStoredAsync();
    }

    [Fact]
    public async Task An_open_election_keeps_its_roll()
    {
        var open = TestElections.Open(_clock, roll: TestElections.Roll(1));
        _elections.GetAsync(open.Id, Arg.Any<CancellationToken>()).Returns(open);

        await Refusals.RefusedAsync(
            ErrorCodes.InvalidState,
            () => Handler(Callers.Admin()).HandleAsync(new SetVoterRollCommand(open.Id, null), Ct));

        Assert.Equal(EligibilityMode.VoterRoll, open.Eligibility);
        await AssertNoRollStoredAsync();
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_as_unauthenticated()
    {
        await Refusals.RefusedAsync(
            ErrorCodes.Unauthenticated,
            () => Handler(Callers.Anonymous()).HandleAsync(new SetVoterRollCommand(_election.Id, [CitizenIds.Valid(1)]), Ct));

        await _elections.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
        await AssertNoRollStoredAsync();
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    public async Task A_caller_who_is_not_an_official_is_forbidden(Role roles)
    {
        await Refusals.RefusedAsync(
            ErrorCodes.Forbidden,
            () => Handler(Callers.SignedIn(roles)).HandleAsync(new SetVoterRollCommand(_election.Id, [CitizenIds.Valid(1)]), Ct));

        Assert.Equal(EligibilityMode.AllRegisteredVoters, _election.Eligibility);
        await _elections.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
        await AssertNoRollStoredAsync();
    }

    private async Task<Common.ValidationFailedException> AssertInvalidAsync(IReadOnlyCollection<string> citizenIds)
    {
        var refusal = await Refusals.InvalidAsync(
            () => Handler(Callers.Admin()).HandleAsync(new SetVoterRollCommand(_election.Id, citizenIds), Ct),
            "CitizenIds");

        Assert.Equal(EligibilityMode.AllRegisteredVoters, _election.Eligibility);
        await _elections.DidNotReceiveWithAnyArgs().GetAsync(default, Ct);
        await AssertNoRollStoredAsync();
        return refusal;
    }

    private async Task AssertNoRollStoredAsync()
    {
        await _elections.DidNotReceiveWithAnyArgs().ReplaceVoterRollAsync(default, default, Ct);
        Assert.Empty(_unitOfWork.ReceivedCalls());
    }

    private SetVoterRollHandler Handler(ICurrentUser caller) => new(new SetVoterRollValidator(), caller, _elections, _unitOfWork);

    /// <summary>A collection that claims <paramref name="count"/> items, so the size limit can be tested without ten million strings.</summary>
    private sealed class CountedAs(int count, string item) : IReadOnlyCollection<string>
    {
        public int Count => count;

        public IEnumerator<string> GetEnumerator()
        {
            yield return item;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
