using Voting.Domain.Elections;
using Voting.Domain.Tests.Support;

namespace Voting.Domain.Tests.Elections;

public sealed class TalliesVisibilityTests
{
    [Theory]
    [InlineData(ElectionStatus.Draft, ResultsVisibility.Live, false)]
    [InlineData(ElectionStatus.Draft, ResultsVisibility.AfterClose, false)]
    [InlineData(ElectionStatus.Scheduled, ResultsVisibility.Live, false)]
    [InlineData(ElectionStatus.Scheduled, ResultsVisibility.AfterClose, false)]
    [InlineData(ElectionStatus.Open, ResultsVisibility.Live, true)]
    [InlineData(ElectionStatus.Open, ResultsVisibility.AfterClose, false)]
    [InlineData(ElectionStatus.Closed, ResultsVisibility.Live, true)]
    [InlineData(ElectionStatus.Closed, ResultsVisibility.AfterClose, true)]
    [InlineData(ElectionStatus.ResultsPublished, ResultsVisibility.Live, true)]
    [InlineData(ElectionStatus.ResultsPublished, ResultsVisibility.AfterClose, true)]
    [InlineData(ElectionStatus.Cancelled, ResultsVisibility.Live, false)]
    [InlineData(ElectionStatus.Cancelled, ResultsVisibility.AfterClose, false)]
    public void Tallies_are_visible_while_open_only_when_live_and_to_everyone_once_closed(
        ElectionStatus status, ResultsVisibility visibility, bool visible)
    {
        Assert.Equal(visible, Election.TalliesVisibleFor(status, visibility));
        Assert.Equal(visible, TestElection.InStatus(status, TestElection.Clock(), visibility).TalliesVisible);
    }

    [Theory]
    [InlineData(ResultsVisibility.Live)]
    [InlineData(ResultsVisibility.AfterClose)]
    public void Tallies_of_an_unknown_status_are_hidden(ResultsVisibility visibility)
    {
        Assert.False(Election.TalliesVisibleFor((ElectionStatus)99, visibility));
    }
}
