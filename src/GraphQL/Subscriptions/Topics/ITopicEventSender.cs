namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// Publishes events to topics, as HotChocolate's <c>ITopicEventSender</c>, but every event gets a
/// per-topic sequence number a subscriber can resume after.
/// </summary>
public interface ITopicEventSender
{
    /// <summary>
    /// Appends <paramref name="message"/> to <paramref name="topic"/> and offers it to every subscriber.
    /// Never waits for a subscriber: a full subscriber buffer is handled by the topic's
    /// <see cref="TopicOptions.Policy"/>.
    /// </summary>
    /// <returns>The event's sequence number: per topic they start at 1 and only grow.</returns>
    ValueTask<long> SendAsync<T>(string topic, T message, CancellationToken ct = default);

    /// <summary>Ends the topic: its subscribers' streams complete once they have read what they were sent.</summary>
    ValueTask CompleteAsync(string topic);
}
