using Voting.Domain.Common;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// Notices to everyone watching (polls close in an hour, a results page moved). They are not stored:
/// the <see cref="Name"/> topic keeps the latest <see cref="ReplayWindow"/> so a client that reconnects
/// resumes after the last sequence it saw, and it is a log topic, so a subscriber that falls a buffer
/// behind ends with RESYNC_REQUIRED rather than missing one silently.
/// </summary>
public static class AnnouncementTopic
{
    public const string Name = "announcements";

    public const int MaxLength = 4000;

    public const int ReplayWindow = 1000;

    public const int SubscriberBufferSize = 256;

    public static TopicOptions Options { get; } = new()
    {
        ReplayWindow = ReplayWindow,
        SubscriberBufferSize = SubscriberBufferSize,
        Policy = SlowSubscriberPolicy.EndSubscriber,
    };

    /// <summary>What the topic carries: the text and when it was announced (its sequence is the topic's).</summary>
    public sealed record Message(string Text, DateTimeOffset PublishedAt);

    /// <summary>The text as it will be sent: trimmed, 1 to <see cref="MaxLength"/> characters, no control characters but line breaks and tabs.</summary>
    public static string Validate(string? text)
    {
        var checkedText = Text.Optional(text, "Announcement text", MaxLength);
        return checkedText.Length == 0 ? throw DomainException.Validation("Announcement text is required.") : checkedText;
    }
}
