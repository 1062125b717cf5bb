using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.GetResults;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Xunit;

namespace Voting.Application.Tests.Elections.GetResults;

public sealed class GetResultsHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Published_results_name_the_single_winner_for_anyone()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.ResultsPublished), votes: [3, 7, 2]);
        _queries.CountParticipationsAsync(election.Id, Arg.Any<CancellationToken>()).Returns(12);
        _queries.CountRegisteredVotersAsync(Arg.Any<CancellationToken>()).Returns(48);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        var winner = Assert.Single(results.Winners);
        Assert.Equal("Bravo", winner.Name);
        Assert.Equal(7, winner.Votes);
        Assert.False(results.IsTie);
        Assert.True(results.Published);
        Assert.Equal(["Alpha", "Bravo", "Charlie"], results.Tally.Candidates.Select(c => c.Name));
        Assert.Equal(12, results.Tally.Total);
        Assert.Equal(_clock.UtcNow, results.Tally.AsOf);
        Assert.Equal(12, results.Participations);
        Assert.Equal(48, results.Electorate);
        Assert.Equal(0.25, results.Turnout);
    }

    [Fact]
    public async Task A_tie_at_the_top_names_every_tied_candidate()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.ResultsPublished), votes: [5, 2, 5]);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.True(results.IsTie);
        Assert.Equal(["Alpha", "Charlie"], results.Winners.Select(w => w.Name));
        Assert.All(results.Winners, w => Assert.Equal(5, w.Votes));
    }

    [Fact]
    public async Task No_votes_means_no_winners()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.ResultsPublished), votes: []);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.Empty(results.Winners);
        Assert.False(results.IsTie);
        Assert.Equal([0L, 0L, 0L], results.Tally.Candidates.Select(c => c.Votes));
    }

    [Fact]
    public async Task An_election_without_candidates_has_no_winners()
    {
        var election = Stored(
            TestDetails.Of(ElectionStatus.ResultsPublished, ResultsVisibility.AfterClose, EligibilityMode.AllRegisteredVoters, 0, []),
            votes: []);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.Empty(results.Winners);
        Assert.Empty(results.Tally.Candidates);
    }

    [Fact]
    public async Task With_a_voter_roll_the_electorate_is_the_roll()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.ResultsPublished, eligibility: EligibilityMode.VoterRoll, voterRollSize: 8), votes: [1, 1, 4]);
        _queries.CountParticipationsAsync(election.Id, Arg.Any<CancellationToken>()).Returns(6);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.Equal(8, results.Electorate);
        Assert.Equal(0.75, results.Turnout);
        await _queries.DidNotReceiveWithAnyArgs().CountRegisteredVotersAsync(Ct);
    }

    [Fact]
    public async Task Open_to_all_the_electorate_is_every_registered_voter()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.ResultsPublished), votes: [1, 0, 0]);
        _queries.CountParticipationsAsync(election.Id, Arg.Any<CancellationToken>()).Returns(1);
        _queries.CountRegisteredVotersAsync(Arg.Any<CancellationToken>()).Returns(4);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.Equal(4, results.Electorate);
        Assert.Equal(0.25, results.Turnout);
    }

    [Fact]
    public async Task The_electorate_fixed_at_closing_is_used_instead_of_a_live_count()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.ResultsPublished) with { Electorate = 10 }, votes: [1, 0, 0]);
        _queries.CountParticipationsAsync(election.Id, Arg.Any<CancellationToken>()).Returns(1);
        _queries.CountRegisteredVotersAsync(Arg.Any<CancellationToken>()).Returns(4);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.Equal(10, results.Electorate);
        Assert.Equal(0.1, results.Turnout);
        await _queries.DidNotReceiveWithAnyArgs().CountRegisteredVotersAsync(Ct);
    }

    [Fact]
    public async Task An_empty_electorate_has_zero_turnout()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.ResultsPublished), votes: []);
        _queries.CountRegisteredVotersAsync(Arg.Any<CancellationToken>()).Returns(0);

        var results = await Handler(Callers.Anonymous()).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.Equal(0, results.Electorate);
        Assert.Equal(0d, results.Turnout);
    }

    [Theory]
    [InlineData(Role.None)]
    [InlineData(Role.Voter)]
    [InlineData(Role.Observer)]
    public async Task Before_publication_others_are_forbidden_the_results_of_a_closed_election(Role roles)
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Closed), votes: [1, 2, 3]);
        var caller = roles == Role.None ? Callers.Anonymous() : Callers.SignedIn(roles);

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(caller).HandleAsync(new GetResultsQuery(election.Id), Ct));

        await _queries.DidNotReceiveWithAnyArgs().CountBallotsAsync(default, Ct);
    }

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.ElectionOfficer)]
    public async Task Officials_see_the_results_of_a_closed_election_before_publication(Role roles)
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Closed), votes: [1, 2, 3]);

        var results = await Handler(Callers.SignedIn(roles)).HandleAsync(new GetResultsQuery(election.Id), Ct);

        Assert.False(results.Published);
        Assert.Equal("Charlie", Assert.Single(results.Winners).Name);
    }

    [Theory]
    [InlineData(ElectionStatus.Scheduled)]
    [InlineData(ElectionStatus.Open)]
    [InlineData(ElectionStatus.Cancelled)]
    [InlineData(ElectionStatus.Draft)]
    public async Task An_election_not_closed_has_no_results_even_for_officials(ElectionStatus status)
    {
        var election = Stored(TestDetails.Of(status, ResultsVisibility.Live), votes: [1, 2, 3]);

        await Refusals.RefusedAsync(ErrorCodes.Forbidden, () => Handler(Callers.Admin()).HandleAsync(new GetResultsQuery(election.Id), Ct));

        await _queries.DidNotReceiveWithAnyArgs().CountBallotsAsync(default, Ct);
    }

    [Fact]
    public async Task A_draft_is_not_found_for_a_voter()
    {
        var election = Stored(TestDetails.Of(ElectionStatus.Draft), votes: []);

        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Voter()).HandleAsync(new GetResultsQuery(election.Id), Ct));
    }

    [Fact]
    public async Task An_unknown_election_is_not_found()
    {
        await Refusals.RefusedAsync(ErrorCodes.NotFound, () => Handler(Callers.Admin()).HandleAsync(new GetResultsQuery(ElectionId.New()), Ct));
    }

    private ElectionDetails Stored(ElectionDetails election, long[] votes)
    {
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        _queries.CountBallotsAsync(election.Id, Arg.Any<CancellationToken>()).Returns(TestDetails.Counts(election, votes));
        return election;
    }

    private GetResultsHandler Handler(ICurrentUser caller) => new(caller, _queries, _clock);
}
