using Voting.GraphQL.Subscriptions.Topics;
using Voting.Infrastructure.Realtime;

namespace Voting.WebApi.Realtime;

/// <summary>The engine's backplane over Infrastructure's Redis topic log: with <c>Redis:Configuration</c> set, subscriptions span every instance.</summary>
internal sealed class RedisTopicBackplane(RedisTopicLog log) : ITopicBackplane
{
    public ValueTask<long> AppendAsync(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset publishedAt, int retain, CancellationToken cancellationToken) =>
        log.AppendAsync(topic, payload, publishedAt, retain, cancellationToken);

    public ValueTask<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken) =>
        log.GetLastSequenceAsync(topic, cancellationToken);

    public async ValueTask<IReadOnlyList<BackplaneEvent>> ReadAfterAsync(string topic, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var entries = await log.ReadAfterAsync(topic, afterSequence, maxCount, cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(ToEvent)];
    }

    public ValueTask<IAsyncDisposable> ListenAsync(string topic, IBackplaneListener listener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return log.ListenAsync(topic, entry => listener.OnEvent(ToEvent(entry)), listener.OnReconnected, cancellationToken);
    }

    private static BackplaneEvent ToEvent(TopicLogEntry entry) => new(entry.Sequence, entry.PublishedAt, entry.Payload);
}
