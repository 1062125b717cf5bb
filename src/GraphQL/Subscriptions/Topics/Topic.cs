namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// A topic of the in-memory bus, whatever its message type. Everything that reads or changes its
/// events or subscribers holds <see cref="Gate"/>: appends are serialized so sequences are distinct and
/// delivered in order, and a subscription's replay snapshot and registration happen in one step.
/// </summary>
internal abstract class Topic(string name, TopicOptions options, long lastRetiredSequence)
{
    public string Name { get; } = name;

    public TopicOptions Options { get; } = options;

    public Lock Gate { get; } = new();

    /// <summary>Removed from the bus; whoever finds it retired under the gate looks the topic up again.</summary>
    public bool Retired { get; set; }

    /// <summary>
    /// The last sequence given. A topic created again after being forgotten continues above every
    /// sequence the bus ever retired, so a name's sequences only grow across its lives.
    /// </summary>
    public long LastSequence { get; protected set; } = lastRetiredSequence;

    /// <summary>Nothing to keep: no subscriber and no replay window.</summary>
    public abstract bool IsIdle { get; }

    public abstract Type MessageType { get; }

    /// <summary>Completes every subscriber and forgets them.</summary>
    public abstract void CompleteSubscribers();
}
