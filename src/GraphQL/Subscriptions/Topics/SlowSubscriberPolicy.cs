namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>What a topic does when a subscriber's buffer is full, so that the sender never waits for it.</summary>
public enum SlowSubscriberPolicy
{
    /// <summary>
    /// Log topics (chat): the subscriber's stream ends, once it has read its buffer, with
    /// <see cref="TopicResyncRequiredException"/> carrying the last sequence it got. Nothing is lost silently.
    /// </summary>
    EndSubscriber,

    /// <summary>
    /// Snapshot topics (tallies), where only the latest event matters: the buffer drops its oldest event to
    /// make room, so a slow subscriber skips to the newest. Sequences it sees still only grow.
    /// </summary>
    Coalesce,
}
