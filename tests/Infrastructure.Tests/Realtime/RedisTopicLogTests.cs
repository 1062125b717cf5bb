using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Voting.Infrastructure.Realtime;
using Voting.Infrastructure.Redis;
using Voting.Infrastructure.Tests.Redis;

namespace Voting.Infrastructure.Tests.Realtime;

/// <summary>The topic log on the real redis-server: sequences, the log, the push, and what happens when Redis forgets or restarts.</summary>
public sealed class RedisTopicLogTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly RedisTopicLogOptions _options = new() { KeyPrefix = $"test:{Guid.NewGuid():N}:" };
    private RedisClient _redis = null!;
    private RedisTopicLog _log = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisTestServer.ConnectAsync(database: 9);
        _log = new RedisTopicLog(_redis, _options, TimeProvider.System, NullLogger<RedisTopicLog>.Instance);
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Sequences_start_above_the_current_time_in_microseconds_and_grow_by_one()
    {
        var before = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10;
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

        var first = await _log.AppendAsync("chat", Bytes("a"), at, retain: 100, Ct);
        var second = await _log.AppendAsync("chat", Bytes("b"), at, retain: 100, Ct);

        Assert.InRange(first, before, before + 60_000_000);
        Assert.Equal(first + 1, second);
        Assert.Equal(second, await _log.GetLastSequenceAsync("chat", Ct));
        Assert.Equal(0, await _log.GetLastSequenceAsync("never-used", Ct));

        var read = await _log.ReadAfterAsync("chat", first - 1, 10, Ct);
        Assert.Equal([(first, "a", at), (second, "b", at)], read.Select(e => (e.Sequence, Text(e), e.PublishedAt)));
        Assert.Equal([second], (await _log.ReadAfterAsync("chat", first, 10, Ct)).Select(e => e.Sequence));
        Assert.Empty(await _log.ReadAfterAsync("chat", second, 10, Ct));
    }

    [Fact]
    public async Task A_listener_gets_every_event_in_order_with_its_bytes_intact()
    {
        var received = Channel.CreateUnbounded<TopicLogEntry>();
        await using (await _log.ListenAsync("chat", e => received.Writer.TryWrite(e), () => { }, Ct))
        {
            var payloads = Enumerable.Range(0, 200).Select(i => $"message {i} with spaces\nand a line \u00e9 {{\"json\": true}}").ToList();
            var sequences = new List<long>();
            foreach (var payload in payloads)
            {
                sequences.Add(await _log.AppendAsync("chat", Bytes(payload), DateTimeOffset.UtcNow, retain: 1_000, Ct));
            }

            var got = new List<TopicLogEntry>();
            while (got.Count < payloads.Count)
            {
                got.Add(await received.Reader.ReadAsync(Ct).AsTask().WaitAsync(Patience, Ct));
            }

            Assert.Equal(sequences, got.Select(e => e.Sequence));
            Assert.Equal(payloads, got.Select(Text));
        }
    }

    [Fact]
    public async Task The_log_keeps_about_what_it_is_asked_to_retain_and_the_empty_payload_survives()
    {
        long last = 0;
        for (var i = 0; i < 600; i++)
        {
            last = await _log.AppendAsync("chat", i == 599 ? ReadOnlyMemory<byte>.Empty : Bytes($"{i}"), DateTimeOffset.UtcNow, retain: 50, Ct);
        }

        var kept = await _log.ReadAfterAsync("chat", 0, 1_000, Ct);
        Assert.InRange(kept.Count, 50, 300);
        Assert.Equal(last, kept[^1].Sequence);
        Assert.True(kept[^1].Payload.IsEmpty);
        Assert.Equal(Enumerable.Range(0, kept.Count).Select(i => last - kept.Count + 1 + i), kept.Select(e => e.Sequence));
    }

    [Fact]
    public async Task When_Redis_forgets_a_topic_its_sequences_still_go_up_and_idle_topics_expire()
    {
        var before = await _log.AppendAsync("chat", Bytes("a"), DateTimeOffset.UtcNow, retain: 10, Ct);
        var ttl = await _redis.TtlAsync($"{_options.KeyPrefix}topic:{{chat}}:seq", Ct);
        Assert.InRange(ttl, 1, (long)_options.IdleExpiry.TotalSeconds);

        await _redis.DeleteAsync([$"{_options.KeyPrefix}topic:{{chat}}:seq", $"{_options.KeyPrefix}topic:{{chat}}:log"], Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(2), Ct);
        var after = await _log.AppendAsync("chat", Bytes("b"), DateTimeOffset.UtcNow, retain: 10, Ct);

        Assert.True(after > before, $"{after} should be above {before}");
    }

    [Fact]
    public async Task After_Redis_restarts_the_listener_is_told_and_hears_new_events_without_listening_again()
    {
        await using var server = await PrivateRedisServer.StartAsync("--save", "", "--appendonly", "no");
        await using var redis = await RedisClient.ConnectAsync(server.Options(), cancellationToken: Ct);
        var log = new RedisTopicLog(redis, _options, TimeProvider.System, NullLogger<RedisTopicLog>.Instance);
        var received = Channel.CreateUnbounded<long>();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listening = await log.ListenAsync("chat", e => received.Writer.TryWrite(e.Sequence), () => reconnected.TrySetResult(), Ct);
        var first = await log.AppendAsync("chat", Bytes("a"), DateTimeOffset.UtcNow, retain: 10, Ct);
        Assert.Equal(first, await received.Reader.ReadAsync(Ct).AsTask().WaitAsync(Patience, Ct));

        await server.KillAsync();
        await server.StartAsync();
        await reconnected.Task.WaitAsync(Patience, Ct);

        // The subscription connection is back; the command connection reconnects on its own schedule, and
        // commands fail at once while it is down (as the bus's relay expects: it retries its reads).
        var second = await AppendWhenConnectedAsync(log, "b");

        Assert.True(second > first, "the restarted server lost the counter, and the sequence still went up");
        Assert.Equal(second, await received.Reader.ReadAsync(Ct).AsTask().WaitAsync(Patience, Ct));
    }

    private static async Task<long> AppendWhenConnectedAsync(RedisTopicLog log, string text)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await log.AppendAsync("chat", Bytes(text), DateTimeOffset.UtcNow, retain: 10, Ct);
            }
            catch (RedisConnectionException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
            }
        }
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(TopicLogEntry entry) => Encoding.UTF8.GetString(entry.Payload.Span);
}
