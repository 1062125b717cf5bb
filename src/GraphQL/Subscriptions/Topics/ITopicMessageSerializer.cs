namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>Turns topic messages into bytes and back for an <see cref="ITopicBackplane"/>.</summary>
public interface ITopicMessageSerializer
{
    /// <summary>Serializes <paramref name="message"/>; never empty (empty marks a topic's end).</summary>
    byte[] Serialize<T>(T message);

    T Deserialize<T>(ReadOnlyMemory<byte> payload);
}
