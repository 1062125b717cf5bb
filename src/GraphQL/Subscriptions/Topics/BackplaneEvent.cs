namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>An event as the backplane carries it: its sequence, when it was published, and the serialized message (empty for the topic's end).</summary>
public readonly record struct BackplaneEvent(long Sequence, DateTimeOffset PublishedAt, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The event ends the topic (<see cref="ITopicEventSender.CompleteAsync"/>).</summary>
    public bool IsCompletion => Payload.IsEmpty;
}
