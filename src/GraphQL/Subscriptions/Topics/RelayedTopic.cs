namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>One topic this process relays from the backplane, whatever its message type.</summary>
internal abstract class RelayedTopic(string topic)
{
    public string Topic { get; } = topic;

    /// <summary>Local subscribers using the relay; changed under the bus's lock.</summary>
    public int Subscribers { get; set; }

    public abstract Type MessageType { get; }

    /// <summary>Stops listening and relaying.</summary>
    public abstract ValueTask StopAsync();
}
