namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>How one topic keeps and delivers its events; chosen per topic by <see cref="TopicOptionsRegistry"/>.</summary>
public sealed record TopicOptions
{
    private readonly int _replayWindow;
    private readonly int _subscriberBufferSize = 64;
    private readonly SlowSubscriberPolicy _policy = SlowSubscriberPolicy.EndSubscriber;

    /// <summary>
    /// How many of the latest events the topic keeps for subscribers resuming after a sequence; 0 keeps none
    /// (a topic without subscribers is then forgotten).
    /// </summary>
    public int ReplayWindow
    {
        get => _replayWindow;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _replayWindow = value;
        }
    }

    /// <summary>How many events one subscriber may have waiting to be read; this bounds its memory.</summary>
    public int SubscriberBufferSize
    {
        get => _subscriberBufferSize;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _subscriberBufferSize = value;
        }
    }

    /// <summary>
    /// What happens to a subscriber whose buffer is full. The default ends it: a topic nobody configured
    /// must not lose events without saying so.
    /// </summary>
    public SlowSubscriberPolicy Policy
    {
        get => _policy;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown slow subscriber policy.");
            }

            _policy = value;
        }
    }
}
