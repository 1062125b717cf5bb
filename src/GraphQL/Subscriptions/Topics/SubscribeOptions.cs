namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>How a subscription starts.</summary>
public sealed record SubscribeOptions
{
    /// <summary>
    /// The last sequence the subscriber has seen: the stream starts with the events after it, replayed
    /// from the topic's window. Null subscribes to live events only.
    /// </summary>
    public long? AfterSequence { get; init; }
}
