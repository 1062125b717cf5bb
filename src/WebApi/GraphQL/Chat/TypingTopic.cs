using Voting.Domain.Chat;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary><c>typing:{roomId}</c>: who is typing in a room. Ephemeral: nothing replayed, and a slow watcher skips to the newest.</summary>
public static class TypingTopic
{
    public const string Prefix = "typing:";

    public static TopicOptions Options { get; } = new()
    {
        ReplayWindow = 0,
        SubscriberBufferSize = 16,
        Policy = SlowSubscriberPolicy.Coalesce,
    };

    public static string For(RoomId roomId) => Prefix + roomId.Value.ToString("D");
}
