using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.GetTally;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.GetTally;

public sealed class GetTallyHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_live_election_shows_its_running_count_while_open()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Open, ResultsVisibility.Live));
        var alpha = election.Candidates.Single(c => c.Name == "Alpha");
        var bravo = election.Candidates.Single(c => c.Name == "Bravo");
        _queries.CountBallotsAsync(election.Id, Arg.Any<CancellationToken>())
            .Returns(new BallotCounts(new Dictionary<CandidateId, long> { [alpha.Id] = 5, [bravo.Id] = 3 }, LastSequence: 8));

        var tally = await Handler(Callers.Anonymous()).HandleAsync(new GetTallyQuery(election.Id), Ct);

        Assert.Equal(election.Id, tally.ElectionId);
        Assert.Equal(
            [new CandidateTally(alpha.Id, "Alpha", 1, 5), new CandidateTally(bravo.Id, "Bravo", 2, 3), new CandidateTally(election.Candidates.Single(c => c.Name == "Charlie").Id, "Charlie", 3, 0)],
            tally.Candidates);
        Assert.Equal(8, tally.Total);
        Assert.Equal(8, tally.Version);
        Assert.Equal(_clock.UtcNow, tally.AsOf);
    }

    [Theory]
    [InlineData(Role.None)]
    [InlineData(Role.Voter)]
    [InlineData(Role.Admin)]
    public async Task An_after_close_election_hides_its_count_while_open_from_everyone(Role roles)
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Open, ResultsVisibility.AfterClose));
        var caller = roles == Role.None ? Callers.Anonymous() : Callers.SignedIn(roles);

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(caller).HandleAsync(new GetTallyQuery(election.Id), Ct));

        await _queries.DidNotReceiveWithAnyArgs().CountBallotsAsync(default, Ct);
    }

    [Theory]
    [InlineData(ElectionStatus.Closed, ResultsVisibility.AfterClose)]
    [InlineData(ElectionStatus.Closed, ResultsVisibility.Live)]
    [InlineData(ElectionStatus.ResultsPublished, ResultsVisibility.AfterClose)]
    [InlineData(ElectionStatus.ResultsPublished, ResultsVisibility.Live)]
    public async Task Once_closed_the_count_is_visible_to_anyone(ElectionStatus status, ResultsVisibility visibility)
    {
        var election = Stored(TestDetails.Of(status, visibility));
        _queries.CountBallotsAsync(election.Id, Arg.Any<CancellationToken>()).Returns(TestDetails.Counts(election, 4, 6, 1));

        var tally = await Handler(Callers.Anonymous()).HandleAsync(new GetTallyQuery(election.Id), Ct);

        Assert.Equal([4L, 6L, 1L], tally.Candidates.Select(c => c.Votes));
        Assert.Equal(11, tally.Total);
    }

    [Theory]
    [InlineData(ElectionStatus.Scheduled)]
    [InlineData(ElectionStatus.Cancelled)]
    public async Task An_election_never_opened_or_cancelled_shows_no_count(ElectionStatus status)
    {
        var election = Stored(TestDetails.Of(status, ResultsVisibility.Live));

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(Callers.Admin()).HandleAsync(new GetTallyQuery(election.Id), Ct));
    }

    [Fact]
    public async Task A_draft_is_not_found_for_a_voter()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Draft, ResultsVisibility.Live));

        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Voter()).HandleAsync(new GetTallyQuery(election.Id), Ct));

        await _queries.DidNotReceiveWithAnyArgs().CountBallotsAsync(default, Ct);
    }

    [Fact]
    public async Task A_draft_has_no_count_even_for_officials()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Draft, ResultsVisibility.Live));

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(Callers.Admin()).HandleAsync(new GetTallyQuery(election.Id), Ct));
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Admin()).HandleAsync(new GetTallyQuery(ElectionId.New()), Ct));
    }

    private ElectionDetails Stored(ElectionDetails election)
    {
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        return election;
    }

    private GetTallyHandler Handler(ICurrentUser caller) => new(caller, _queries, _clock);
}
