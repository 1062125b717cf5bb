namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>Receives one topic's events from an <see cref="ITopicBackplane"/>. Calls must return quickly: they run on the backplane's reader.</summary>
public interface IBackplaneListener
{
    /// <summary>A new event, in the order the backplane received them (a listener still checks sequences: pushes can be lost).</summary>
    void OnEvent(BackplaneEvent published);

    /// <summary>
    /// The backplane lost its connection and has it back: events pushed meanwhile were not delivered, so
    /// the listener reads what it missed from the log.
    /// </summary>
    void OnReconnected();
}
