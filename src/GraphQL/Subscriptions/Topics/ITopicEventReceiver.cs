namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>Subscribes to topics, as HotChocolate's <c>ITopicEventReceiver</c>, with resume after a sequence.</summary>
public interface ITopicEventReceiver
{
    /// <summary>
    /// Subscribes to <paramref name="topic"/>. The subscription is live when this returns: every event sent
    /// afterwards reaches the stream (or ends it, see <see cref="TopicOptions.Policy"/>). With
    /// <see cref="SubscribeOptions.AfterSequence"/> the stream first replays the events after it from
    /// the topic's replay window, then continues live, with no gap and no duplicate; when the window no
    /// longer holds them the stream ends with <see cref="TopicResyncRequiredException"/>.
    /// </summary>
    ValueTask<ISourceStream<T>> SubscribeAsync<T>(string topic, SubscribeOptions? options = null, CancellationToken ct = default);
}
