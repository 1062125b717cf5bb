using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// Ends a subscriber's stream when it missed events the topic can no longer give it: the events after
/// the sequence it resumed from have left the replay window, or its buffer filled on a topic whose
/// policy is <see cref="SlowSubscriberPolicy.EndSubscriber"/>. The client refetches its state and
/// subscribes again (after <see cref="LastSequence"/> if the window may still hold what follows).
/// </summary>
public sealed class TopicResyncRequiredException : GraphQLException
{
    /// <summary>Creates the exception for <paramref name="topic"/>, whose subscriber got events up to <paramref name="lastSequence"/>.</summary>
    public TopicResyncRequiredException(string topic, long lastSequence, string reason)
        : base(
            $"The subscription to topic '{topic}' missed events after sequence {lastSequence} ({reason}); refetch and subscribe again.",
            ErrorCodes.ResyncRequired,
            new Dictionary<string, object?> { ["topic"] = topic, ["lastSequence"] = lastSequence })
    {
        Topic = topic;
        LastSequence = lastSequence;
        Reason = reason;
    }

    /// <summary>Why the events cannot be given.</summary>
    public string Reason { get; }

    /// <summary>The topic of the subscription.</summary>
    public string Topic { get; }

    /// <summary>The last sequence the subscriber got (or resumed after): what it has is complete up to here.</summary>
    public long LastSequence { get; }
}
