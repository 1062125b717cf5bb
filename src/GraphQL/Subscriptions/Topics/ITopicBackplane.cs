namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// What carries topic events between processes for <see cref="DistributedTopicEventBus"/>: it gives each
/// event of a topic its sequence, keeps a bounded log of the latest for replay and gap repair, and pushes
/// new events to the processes listening. Sequences per topic only grow, even when the backplane loses
/// its data (they then jump); they need not be contiguous across such a loss, and the bus treats a jump
/// it cannot fill from the log as a gap (<see cref="SlowSubscriberPolicy"/> decides what a gap costs).
/// Implemented over Redis in Voting.Infrastructure.
/// </summary>
public interface ITopicBackplane
{
    /// <summary>
    /// Appends an event (or, with an empty <paramref name="payload"/>, the topic's end) and pushes it to
    /// the listeners. <paramref name="retain"/> is how many of the latest events the log keeps at least.
    /// </summary>
    /// <returns>The event's sequence.</returns>
    ValueTask<long> AppendAsync(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset publishedAt, int retain, CancellationToken cancellationToken);

    /// <summary>The topic's last sequence, 0 when it has none.</summary>
    ValueTask<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxCount"/> logged events after <paramref name="afterSequence"/>, oldest first.</summary>
    ValueTask<IReadOnlyList<BackplaneEvent>> ReadAfterAsync(string topic, long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Starts pushing the topic's new events to <paramref name="listener"/>; live when the task completes.
    /// Disposing the result stops it.
    /// </summary>
    ValueTask<IAsyncDisposable> ListenAsync(string topic, IBackplaneListener listener, CancellationToken cancellationToken);
}
