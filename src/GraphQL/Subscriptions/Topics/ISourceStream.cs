namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// One subscriber's events of one topic, in sequence order. It can be enumerated once; disposing it
/// (or the enumerator) unsubscribes.
/// </summary>
public interface ISourceStream<T> : IAsyncEnumerable<TopicEvent<T>>, IAsyncDisposable
{
    /// <summary>The topic subscribed to.</summary>
    string Topic { get; }
}
