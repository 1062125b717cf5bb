using Voting.Domain.Chat;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// <c>room:{roomId}</c> carries a room's committed log entries (<see cref="Application.Chat.RoomEventView"/>).
/// The database is the log, so the topic keeps nothing for replay; a subscriber too slow for its
/// buffer is ended (never silently skipped) and resumes from the database with its last sequence.
/// </summary>
public static class RoomEventTopic
{
    public const string Prefix = "room:";

    public static TopicOptions Options { get; } = new()
    {
        ReplayWindow = 0,
        SubscriberBufferSize = 256,
        Policy = SlowSubscriberPolicy.EndSubscriber,
    };

    public static string For(RoomId roomId) => Prefix + roomId.Value.ToString("D");
}
