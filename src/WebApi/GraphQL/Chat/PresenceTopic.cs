using Voting.Domain.Chat;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// <c>presence:{roomId}</c>: a user came online or went offline in a room (<see cref="PresenceSignal"/>). A
/// signal only wakes the room's watchers, who read the presence store again; so nothing is replayed, and a
/// slow watcher skips to the newest.
/// </summary>
public static class PresenceTopic
{
    public const string Prefix = "presence:";

    public static TopicOptions Options { get; } = new()
    {
        ReplayWindow = 0,
        SubscriberBufferSize = 16,
        Policy = SlowSubscriberPolicy.Coalesce,
    };

    public static string For(RoomId roomId) => Prefix + roomId.Value.ToString("D");
}
