using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.ListElections;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.ListElections;

public sealed class ListElectionsHandlerTests
{
    private static readonly ElectionStatus[] AllButDraft =
        [ElectionStatus.Scheduled, ElectionStatus.Open, ElectionStatus.Closed, ElectionStatus.ResultsPublished, ElectionStatus.Cancelled];

    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private ElectionListFilter? _filter;

    public ListElectionsHandlerTests()
    {
        _queries.ListAsync(Arg.Do<ElectionListFilter>(f => _filter = f), Arg.Any<CancellationToken>()).Returns([]);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_elections_found_are_returned_as_they_come()
    {
        ElectionSummary[] found =
        [
            new(ElectionId.New(), "B", "About B", ElectionStatus.Open, TestDetails.OpensAt, TestDetails.ClosesAt, ResultsVisibility.Live, 2),
            new(ElectionId.New(), "A", "About A", ElectionStatus.Scheduled, TestDetails.OpensAt, TestDetails.ClosesAt, ResultsVisibility.AfterClose, 3),
        ];
        _queries.ListAsync(Arg.Any<ElectionListFilter>(), Arg.Any<CancellationToken>()).Returns(found);

        var listed = await Handler(Callers.Anonymous()).HandleAsync(new ListElectionsQuery(), Ct);

        Assert.Equal(found, listed);
    }

    [Fact]
    public async Task Paging_is_passed_through()
    {
        await Handler(Callers.Admin()).HandleAsync(new ListElectionsQuery(Skip: 40, Take: 20), Ct);

        Assert.Equal(40, _filter?.Skip);
        Assert.Equal(20, _filter?.Take);
        await _queries.Received(1).ListAsync(Arg.Any<ElectionListFilter>(), Ct);
    }

    [Fact]
    public async Task Anonymous_callers_asking_for_every_status_get_every_status_but_draft()
    {
        await Handler(Callers.Anonymous()).HandleAsync(new ListElectionsQuery(), Ct);

        Assert.NotNull(_filter?.Statuses);
        Assert.Equal(AllButDraft.Order(), _filter.Statuses.Order());
    }

    [Theory]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    public async Task Non_officials_asking_for_every_status_get_every_status_but_draft(Role roles)
    {
        await Handler(Callers.SignedIn(roles)).HandleAsync(new ListElectionsQuery(), Ct);

        Assert.Equal(AllButDraft.Order(), _filter?.Statuses?.Order());
    }

    [Fact]
    public async Task Drafts_are_dropped_from_the_statuses_a_non_official_asks_for()
    {
        await Handler(Callers.Voter()).HandleAsync(new ListElectionsQuery([ElectionStatus.Draft, ElectionStatus.Open, ElectionStatus.Closed]), Ct);

        Assert.Equal([ElectionStatus.Open, ElectionStatus.Closed], _filter?.Statuses);
    }

    [Fact]
    public async Task A_non_official_asking_only_for_drafts_gets_nothing_without_a_query()
    {
        var result = await Handler(Callers.Anonymous()).HandleAsync(new ListElectionsQuery([ElectionStatus.Draft]), Ct);

        Assert.Empty(result);
        Assert.Null(_filter);
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task Officials_asking_for_every_status_get_drafts_too(Role roles)
    {
        await Handler(Callers.SignedIn(roles)).HandleAsync(new ListElectionsQuery(), Ct);

        Assert.NotNull(_filter);
        Assert.Null(_filter.Statuses);
    }

    [Fact]
    public async Task Officials_may_list_drafts_alone()
    {
        await Handler(Callers.SignedIn(Role.ElectionOfficer)).HandleAsync(new ListElectionsQuery([ElectionStatus.Draft]), Ct);

        Assert.Equal([ElectionStatus.Draft], _filter?.Statuses);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ElectionListFilter.MaxTake)]
    public async Task Page_sizes_within_the_limits_are_accepted(int take)
    {
        await Handler(Callers.Anonymous()).HandleAsync(new ListElectionsQuery(Take: take), Ct);

        Assert.Equal(take, _filter?.Take);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ElectionListFilter.MaxTake + 1)]
    public async Task A_page_size_outside_the_limits_is_refused(int take) =>
        await AssertInvalidAsync(new ListElectionsQuery(Take: take), "Take");

    [Fact]
    public async Task A_negative_skip_is_refused() =>
        await AssertInvalidAsync(new ListElectionsQuery(Skip: -1), "Skip");

    [Fact]
    public async Task An_unknown_status_is_refused()
    {
        var refusal = await Refusals.InvalidAsync(() => Handler(Callers.Anonymous()).HandleAsync(new ListElectionsQuery([ElectionStatus.Open, (ElectionStatus)42]), Ct));

        Assert.Contains(refusal.Errors.Keys, k => k.StartsWith("Statuses", StringComparison.Ordinal));
        await AssertNotListedAsync();
    }

    private async Task AssertInvalidAsync(ListElectionsQuery query, string field)
    {
        await Refusals.InvalidAsync(() => Handler(Callers.Admin()).HandleAsync(query, Ct), field);
        await AssertNotListedAsync();
    }

    private async Task AssertNotListedAsync() =>
        await _queries.DidNotReceiveWithAnyArgs().ListAsync(default!, Ct);

    private ListElectionsHandler Handler(ICurrentUser caller) => new(new ListElectionsValidator(), caller, _queries);
}
