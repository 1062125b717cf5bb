using System.Buffers.Text;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Realtime;

/// <summary>
/// Topic events in Redis, for the API instances' shared event bus (ADR 0029). Per topic, a counter gives
/// the sequence, a stream keeps the latest events under ids <c>{sequence}-0</c> for replay and repair, and a
/// pub/sub channel pushes each event to the instances listening. One Lua script does all three, so the
/// sequence order, the log order and the push order are the same.
/// </summary>
/// <remarks>
/// Sequences only grow, even when Redis loses its data (a restart without persistence, FLUSHALL, an
/// eviction): a counter that starts again does not start at 1 but at the current time in microseconds,
/// which is above anything the topic numbered before unless it took more than a million events a second
/// over its whole life. The jump is a gap the bus handles (snapshots skip it, logs ask for a resync).
/// </remarks>
public sealed partial class RedisTopicLog(RedisClient redis, RedisTopicLogOptions options, TimeProvider time, ILogger<RedisTopicLog> logger)
{
    // KEYS: counter, stream. ARGV: payload, published-at (unix ms), retain, floor, channel, expiry (s).
    // Lua numbers are doubles that print as 1.7e+15 past 14 digits: sequences are formatted with %d.
    private static readonly RedisScript Append = new("""
        local seq = redis.call('INCR', KEYS[1])
        if seq == 1 then
          local floor = tonumber(ARGV[4])
          if floor > 1 then
            seq = floor
            redis.call('SET', KEYS[1], seq)
          end
        end
        local id = string.format('%d', seq)
        redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], id .. '-0', 't', ARGV[2], 'p', ARGV[1])
        redis.call('EXPIRE', KEYS[1], ARGV[6])
        redis.call('EXPIRE', KEYS[2], ARGV[6])
        redis.call('PUBLISH', ARGV[5], id .. ' ' .. ARGV[2] .. ' ' .. ARGV[1])
        return seq
        """);

    private readonly RedisClient _redis = redis;
    private readonly ILogger _logger = logger;
    private readonly string _prefix = options.KeyPrefix;
    private readonly long _expirySeconds = (long)options.IdleExpiry.TotalSeconds;

    /// <summary>Appends an event and pushes it to the listeners; returns its sequence.</summary>
    public async ValueTask<long> AppendAsync(string topic, ReadOnlyMemory<byte> payload, DateTimeOffset publishedAt, int retain, CancellationToken cancellationToken)
    {
        var floor = (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        var reply = await _redis.EvalAsync(
            Append,
            [CounterKey(topic), LogKey(topic)],
            [payload.ToArray(), publishedAt.ToUnixTimeMilliseconds(), retain, floor, Channel(topic), _expirySeconds],
            cancellationToken).ConfigureAwait(false);
        return reply.AsInt64();
    }

    /// <summary>The topic's last sequence; 0 when it has none.</summary>
    public async ValueTask<long> GetLastSequenceAsync(string topic, CancellationToken cancellationToken)
    {
        var value = await _redis.GetAsync(CounterKey(topic), cancellationToken).ConfigureAwait(false);
        return value.IsNull ? 0 : value.ToInt64();
    }

    /// <summary>Up to <paramref name="maxCount"/> logged events after <paramref name="afterSequence"/>, oldest first.</summary>
    public async ValueTask<IReadOnlyList<TopicLogEntry>> ReadAfterAsync(string topic, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var entries = await _redis.StreamRangeAsync(
            LogKey(topic),
            start: (afterSequence + 1).ToString(CultureInfo.InvariantCulture),
            count: maxCount,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var read = new TopicLogEntry[entries.Count];
        for (var i = 0; i < read.Length; i++)
        {
            var entry = entries[i];
            read[i] = new TopicLogEntry(
                long.Parse(entry.Id.AsSpan(0, entry.Id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture),
                DateTimeOffset.FromUnixTimeMilliseconds(entry["t"].ToInt64()),
                entry["p"].ToArray() ?? []);
        }

        return read;
    }

    /// <summary>
    /// Pushes the topic's new events to <paramref name="onEntry"/>, in order, on one task per topic, and calls
    /// <paramref name="onReconnected"/> when the subscription connection came back (events pushed while it was
    /// down are lost: read them from the log). Disposing the result stops it.
    /// </summary>
    public async ValueTask<IAsyncDisposable> ListenAsync(string topic, Action<TopicLogEntry> onEntry, Action onReconnected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onEntry);
        ArgumentNullException.ThrowIfNull(onReconnected);
        var subscription = await _redis.SubscribeAsync(Channel(topic), cancellationToken).ConfigureAwait(false);
        return new Listener(this, topic, subscription, onEntry, onReconnected);
    }

    private string CounterKey(string topic) => $"{_prefix}topic:{{{topic}}}:seq";

    private string LogKey(string topic) => $"{_prefix}topic:{{{topic}}}:log";

    private string Channel(string topic) => $"{_prefix}topic:{topic}";

    /// <summary>Reads "{sequence} {published-at ms} {payload}" as the script publishes it; null when it is not that.</summary>
    private static TopicLogEntry? Parse(ReadOnlySpan<byte> message, byte[] source)
    {
        var first = message.IndexOf((byte)' ');
        if (first <= 0 || !Utf8Parser.TryParse(message[..first], out long sequence, out var used) || used != first)
        {
            return null;
        }

        var rest = message[(first + 1)..];
        var second = rest.IndexOf((byte)' ');
        if (second <= 0 || !Utf8Parser.TryParse(rest[..second], out long publishedAt, out used) || used != second)
        {
            return null;
        }

        var payloadStart = first + 1 + second + 1;
        return new TopicLogEntry(sequence, DateTimeOffset.FromUnixTimeMilliseconds(publishedAt), source.AsMemory(payloadStart));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on the channel of topic {Topic} is not a topic event; it is ignored.")]
    private static partial void LogMalformed(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering an event of topic {Topic} failed.")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string topic);

    private sealed class Listener : IAsyncDisposable
    {
        private readonly RedisTopicLog _log;
        private readonly string _topic;
        private readonly RedisSubscription _subscription;
        private readonly Action<TopicLogEntry> _onEntry;
        private readonly Action _onReconnected;
        private readonly Task _pump;

        public Listener(RedisTopicLog log, string topic, RedisSubscription subscription, Action<TopicLogEntry> onEntry, Action onReconnected)
        {
            _log = log;
            _topic = topic;
            _subscription = subscription;
            _onEntry = onEntry;
            _onReconnected = onReconnected;
            log._redis.ConnectionStateChanged += OnConnectionStateChanged;
            _pump = PumpAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _log._redis.ConnectionStateChanged -= OnConnectionStateChanged;
            await _subscription.DisposeAsync().ConfigureAwait(false);
            await _pump.ConfigureAwait(false);
        }

        private void OnConnectionStateChanged(object? sender, RedisConnectionStateChangedEventArgs change)
        {
            if (change is { Role: RedisConnectionRole.Subscriptions, State: RedisConnectionState.Connected, IsReconnect: true })
            {
                _onReconnected();
            }
        }

        private async Task PumpAsync()
        {
            await foreach (var message in _subscription.Messages.ReadAllAsync().ConfigureAwait(false))
            {
                var bytes = message.Payload.ToArray() ?? [];
                if (Parse(bytes, bytes) is not { } entry)
                {
                    LogMalformed(_log._logger, _topic);
                    continue;
                }

                try
                {
                    _onEntry(entry);
                }
                catch (Exception exception)
                {
                    LogDeliveryFailed(_log._logger, exception, _topic);
                }
            }
        }
    }
}
