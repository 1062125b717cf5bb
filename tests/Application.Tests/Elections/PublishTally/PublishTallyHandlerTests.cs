using NSubstitute;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.LiveTally;
using Voting.Application.Elections.PublishTally;
using Voting.Application.Tests.TestSupport;
using Voting.Domain.Elections;
using Xunit;

namespace Voting.Application.Tests.Elections.PublishTally;

public sealed class PublishTallyHandlerTests
{
    private readonly IElectionQueries _queries = Substitute.For<IElectionQueries>();
    private readonly ITallyPublisher _publisher = Substitute.For<ITallyPublisher>();
    private readonly FakeClock _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ElectionStatus.Open, ResultsVisibility.Live)]
    [InlineData(ElectionStatus.Closed, ResultsVisibility.AfterClose)]
    public async Task A_visible_tally_is_counted_and_published_with_its_version(ElectionStatus status, ResultsVisibility visibility)
    {
        var election = Stored(TestDetails.Of(status, visibility));
        _queries.CountBallotsAsync(election.Id, Arg.Any<CancellationToken>()).Returns(TestDetails.Counts(election, 2, 5, 0));
        TallyView? published = null;
        await _publisher.PublishAsync(Arg.Do<TallyView>(t => published = t), Arg.Any<CancellationToken>());

        var version = await Handler().HandleAsync(new PublishTallyCommand(election.Id), Ct);

        Assert.Equal(7, version);
        Assert.NotNull(published);
        Assert.Equal((election.Id, 7L, 7L, _clock.UtcNow), (published.ElectionId, published.Total, published.Version, published.AsOf));
        Assert.Equal([2L, 5L, 0L], published.Candidates.Select(c => c.Votes));
    }

    [Theory]
    [InlineData(ElectionStatus.Open, ResultsVisibility.AfterClose)]
    [InlineData(ElectionStatus.Draft, ResultsVisibility.Live)]
    [InlineData(ElectionStatus.Scheduled, ResultsVisibility.Live)]
    [InlineData(ElectionStatus.Cancelled, ResultsVisibility.Live)]
    public async Task A_tally_the_visibility_hides_is_neither_counted_nor_published(ElectionStatus status, ResultsVisibility visibility)
    {
        var election = Stored(TestDetails.Of(status, visibility));

        Assert.Null(await Handler().HandleAsync(new PublishTallyCommand(election.Id), Ct));

        await _queries.DidNotReceiveWithAnyArgs().CountBallotsAsync(default, Ct);
        await _publisher.DidNotReceiveWithAnyArgs().PublishAsync(default!, Ct);
    }

    [Fact]
    public async Task An_unknown_election_publishes_nothing()
    {
        Assert.Null(await Handler().HandleAsync(new PublishTallyCommand(ElectionId.New()), Ct));

        await _publisher.DidNotReceiveWithAnyArgs().PublishAsync(default!, Ct);
    }

    private ElectionDetails Stored(ElectionDetails election)
    {
        _queries.GetAsync(election.Id, Arg.Any<CancellationToken>()).Returns(election);
        return election;
    }

    private PublishTallyHandler Handler() => new(_queries, new DatabaseTallyCounts(_queries), _publisher, _clock);
}
