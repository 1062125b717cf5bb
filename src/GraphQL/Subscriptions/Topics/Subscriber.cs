using System.Threading.Channels;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// One subscriber's bounded buffer. The topic writes to it without ever waiting; what happens when it
/// is full is the topic's policy. Offer and Complete are called with the topic's gate held.
/// </summary>
internal sealed class Subscriber<T>
{
    private readonly Channel<TopicEvent<T>> _buffer;
    private volatile string? _behindReason;
    private bool _completed;

    public Subscriber(TopicOptions options)
    {
        _buffer = Channel.CreateBounded<TopicEvent<T>>(new BoundedChannelOptions(options.SubscriberBufferSize)
        {
            // Coalesce: a full buffer drops its oldest event, so the newest always gets in. EndSubscriber:
            // a full buffer refuses the write (TryWrite never waits), and Offer ends the subscriber.
            FullMode = options.Policy == SlowSubscriberPolicy.Coalesce ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = true,
            // The reader's continuation must not run inline inside the topic's lock, on the sender's thread.
            AllowSynchronousContinuations = false,
        });
    }

    public ChannelReader<TopicEvent<T>> Reader => _buffer.Reader;

    /// <summary>
    /// Why the subscriber missed events, when it did: its buffer filled on a topic that ends slow
    /// subscribers, or the topic lost events on their way from another process. Null otherwise.
    /// </summary>
    public string? BehindReason => _behindReason;

    /// <summary>Buffers the event; false when this subscriber is over and the topic should drop it.</summary>
    public bool Offer(TopicEvent<T> published)
    {
        if (_buffer.Writer.TryWrite(published))
        {
            return true;
        }

        // A completed buffer refuses writes too: only a full one is an overflow. The reason is set before
        // completing so that the reader, which looks at it when the buffer ends, cannot miss it.
        if (!_completed)
        {
            EndBehind(null);
        }

        return false;
    }

    /// <summary>Ends the subscriber as one that missed events: its reader gets RESYNC_REQUIRED after what is buffered.</summary>
    public void EndBehind(string? reason)
    {
        _behindReason = reason ?? string.Empty;
        Complete();
    }

    /// <summary>No more events: the reader ends once it has read what is buffered.</summary>
    public void Complete()
    {
        _completed = true;
        _buffer.Writer.TryComplete();
    }
}
