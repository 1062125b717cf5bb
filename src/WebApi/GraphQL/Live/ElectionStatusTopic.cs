using Voting.Domain.Elections;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Live;

/// <summary>
/// <c>election-status:{electionId}</c> carries an election's status changes
/// (<see cref="Application.Elections.ElectionStatusChange"/>). It is a log: a subscriber that misses one
/// ends with RESYNC_REQUIRED rather than skipping it, and the latest <see cref="ReplayWindow"/> stay
/// for a client resuming after the last sequence it saw (an election has only a handful of changes).
/// </summary>
public static class ElectionStatusTopic
{
    public const string Prefix = "election-status:";

    public const int ReplayWindow = 16;

    public static TopicOptions Options { get; } = new()
    {
        ReplayWindow = ReplayWindow,
        SubscriberBufferSize = 16,
        Policy = SlowSubscriberPolicy.EndSubscriber,
    };

    public static string For(ElectionId electionId) => Prefix + electionId.Value.ToString("D");
}
