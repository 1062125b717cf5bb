using Voting.Domain.Elections;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Live;

/// <summary>
/// <c>tally:{electionId}</c> carries snapshots of an election's tally (<see cref="Application.Elections.TallyView"/>).
/// Each snapshot is whole, so a subscriber that falls behind loses nothing by skipping to the newest
/// (Coalesce), and none is kept for replay: a new subscriber starts from the count it reads itself.
/// </summary>
public static class TallyTopic
{
    public const string Prefix = "tally:";

    public static TopicOptions Options { get; } = new()
    {
        ReplayWindow = 0,
        SubscriberBufferSize = 4,
        Policy = SlowSubscriberPolicy.Coalesce,
    };

    public static string For(ElectionId electionId) => Prefix + electionId.Value.ToString("D");
}
