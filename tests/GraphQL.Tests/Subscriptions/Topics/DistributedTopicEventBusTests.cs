using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.GraphQL.Tests.Subscriptions.Topics;

/// <summary>
/// Two processes' buses on one backplane: the delivery contract of the in-memory bus (one order per topic,
/// resume without gap or duplicate, isolation, policies) holds across them, and what the backplane loses
/// is repaired from its log or reported, never skipped silently on a log topic.
/// </summary>
public sealed class DistributedTopicEventBusTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ScriptedBackplane _backplane = new();
    private readonly List<DistributedTopicEventBus> _buses = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var bus in _buses)
        {
            await bus.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_event_sent_on_one_process_reaches_subscribers_on_both_in_one_order()
    {
        var (a, b) = (Process(), Process());
        await using var onA = await a.SubscribeAsync<string>("chat", ct: Ct);
        await using var onB = await b.SubscribeAsync<string>("chat", ct: Ct);

        var sent = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            sent.Add(await (i % 2 == 0 ? a : b).SendAsync("chat", $"m{i}", Ct));
        }

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), sent);
        foreach (var stream in new[] { onA, onB })
        {
            var events = await TakeAsync(stream, 50);
            Assert.Equal(sent, events.Select(e => e.Sequence));
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}"), events.Select(e => e.Message));
        }
    }

    [Fact]
    public async Task Resuming_on_another_process_replays_from_the_log_then_goes_live_without_gap_or_duplicate()
    {
        var options = new TopicOptions { ReplayWindow = 1_000, SubscriberBufferSize = 256 };
        var (a, b) = (Process(options), Process(options));
        for (var i = 1; i <= 10; i++)
        {
            await a.SendAsync("chat", i, Ct);
        }

        // Sends keep coming while B subscribes after 4.
        var sender = Task.Run(
            async () =>
            {
                for (var i = 11; i <= 200; i++)
                {
                    await a.SendAsync("chat", i, Ct);
                }
            },
            Ct);
        await using var resumed = await b.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 4 }, Ct);
        await sender;

        var events = await TakeAsync(resumed, 196);
        Assert.Equal(Enumerable.Range(5, 196).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(5, 196), events.Select(e => e.Message));
    }

    [Fact]
    public async Task Resuming_beyond_the_window_or_ahead_of_the_topic_ends_with_resync_required()
    {
        var bus = Process(new TopicOptions { ReplayWindow = 5 });
        for (var i = 1; i <= 20; i++)
        {
            await bus.SendAsync("chat", i, Ct);
        }

        await using var tooOld = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 10 }, Ct);
        var old = await Assert.ThrowsAsync<TopicResyncRequiredException>(() => TakeAsync(tooOld, 1));
        Assert.Equal(10, old.LastSequence);

        await using var ahead = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 99 }, Ct);
        var reset = await Assert.ThrowsAsync<TopicResyncRequiredException>(() => TakeAsync(ahead, 1));
        Assert.Contains("only at sequence 20", reset.Message, StringComparison.Ordinal);

        await using var fine = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 17 }, Ct);
        Assert.Equal([18, 19, 20], (await TakeAsync(fine, 3)).Select(e => e.Message));
    }

    [Fact]
    public async Task Lost_pushes_are_read_back_from_the_log_when_the_next_event_shows_the_gap()
    {
        var (a, b) = (Process(), Process());
        await using var onB = await b.SubscribeAsync<int>("chat", ct: Ct);

        await a.SendAsync("chat", 1, Ct);
        _backplane.DropPushes = true;
        await a.SendAsync("chat", 2, Ct);
        await a.SendAsync("chat", 3, Ct);
        _backplane.DropPushes = false;
        await a.SendAsync("chat", 4, Ct);

        Assert.Equal([1, 2, 3, 4], (await TakeAsync(onB, 4)).Select(e => e.Message));
    }

    [Fact]
    public async Task After_a_reconnection_the_relay_reads_what_it_missed_without_waiting_for_a_new_event()
    {
        var (a, b) = (Process(), Process());
        await using var onB = await b.SubscribeAsync<int>("chat", ct: Ct);
        _backplane.DropPushes = true;
        _backplane.FailingReads = 2;
        for (var i = 1; i <= 3; i++)
        {
            await a.SendAsync("chat", i, Ct);
        }

        _backplane.Reconnect();

        Assert.Equal([1, 2, 3], (await TakeAsync(onB, 3)).Select(e => e.Message));
    }

    [Fact]
    public async Task A_gap_the_log_cannot_fill_ends_log_topic_subscribers_with_what_they_have()
    {
        var (a, b) = (Process(), Process());
        await using var onB = await b.SubscribeAsync<int>("chat", ct: Ct);
        await using var events = onB.GetAsyncEnumerator(Ct);
        await a.SendAsync("chat", 1, Ct);
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Patience, Ct));

        _backplane.DropPushes = true;
        await a.SendAsync("chat", 2, Ct);
        _backplane.DropPushes = false;
        _backplane.Lose("chat", floor: 1_000);
        await a.SendAsync("chat", 3, Ct);

        var resync = await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await events.MoveNextAsync().AsTask().WaitAsync(Patience, Ct));
        Assert.Equal(1, resync.LastSequence);

        // A new subscriber starts after the gap and gets what follows.
        await using var fresh = await b.SubscribeAsync<int>("chat", ct: Ct);
        await a.SendAsync("chat", 4, Ct);
        var next = Assert.Single(await TakeAsync(fresh, 1));
        Assert.Equal((1_002L, 4), (next.Sequence, next.Message));
    }

    [Fact]
    public async Task A_topic_whose_sequences_start_high_is_no_gap_for_a_relay_that_started_before_its_first_event()
    {
        var (a, b) = (Process(), Process());
        _backplane.FirstSequence = 1_795_000_000_000_001;
        await using var onB = await b.SubscribeAsync<int>("fresh", ct: Ct);

        // The first push is lost: the relay reads it from the log when the second shows the jump.
        _backplane.DropPushes = true;
        await a.SendAsync("fresh", 1, Ct);
        _backplane.DropPushes = false;
        await a.SendAsync("fresh", 2, Ct);

        var events = await TakeAsync(onB, 2);
        Assert.Equal([(1_795_000_000_000_001L, 1), (1_795_000_000_000_002L, 2)], events.Select(e => (e.Sequence, e.Message)));
    }

    [Fact]
    public async Task A_snapshot_topic_skips_a_gap_the_log_cannot_fill_and_keeps_its_subscribers()
    {
        var options = new TopicOptions { Policy = SlowSubscriberPolicy.Coalesce, SubscriberBufferSize = 1 };
        var (a, b) = (Process(options), Process(options));
        await using var onB = await b.SubscribeAsync<int>("tally", ct: Ct);
        await a.SendAsync("tally", 1, Ct);
        await using var events = onB.GetAsyncEnumerator(Ct);
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Patience, Ct));

        _backplane.Lose("tally", floor: 500);
        await a.SendAsync("tally", 2, Ct);

        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Patience, Ct));
        Assert.Equal((501L, 2), (events.Current.Sequence, events.Current.Message));
    }

    [Fact]
    public async Task A_slow_subscriber_ends_alone_and_the_others_get_everything()
    {
        var options = new TopicOptions { SubscriberBufferSize = 4, ReplayWindow = 100 };
        var (a, b) = (Process(options), Process(options));
        await using var slow = await b.SubscribeAsync<int>("chat", ct: Ct);
        await using var fast = await b.SubscribeAsync<int>("chat", ct: Ct);
        await using var reader = fast.GetAsyncEnumerator(Ct);

        for (var i = 1; i <= 40; i++)
        {
            await a.SendAsync("chat", i, Ct);
            Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(Patience, Ct));
            Assert.Equal(i, reader.Current.Message);
        }

        var resync = await Assert.ThrowsAsync<TopicResyncRequiredException>(() => TakeAsync(slow, 41));
        Assert.Equal(4, resync.LastSequence);
    }

    [Fact]
    public async Task Completing_a_topic_ends_its_subscribers_on_every_process()
    {
        var (a, b) = (Process(), Process());
        await using var onA = await a.SubscribeAsync<int>("chat", ct: Ct);
        await using var onB = await b.SubscribeAsync<int>("chat", ct: Ct);
        await a.SendAsync("chat", 7, Ct);
        await b.CompleteAsync("chat");

        foreach (var stream in new[] { onA, onB })
        {
            var events = await TakeAsync(stream, int.MaxValue);
            Assert.Equal([7], events.Select(e => e.Message));
        }
    }

    [Fact]
    public async Task A_process_relays_a_topic_only_while_it_has_subscribers_to_it()
    {
        var bus = Process();
        var first = await bus.SubscribeAsync<int>("chat", ct: Ct);
        var second = await bus.SubscribeAsync<int>("chat", ct: Ct);
        Assert.Equal((1, 1), (bus.RelayedTopicCount, _backplane.ListenerCount("chat")));

        await first.DisposeAsync();
        Assert.Equal(1, bus.RelayedTopicCount);
        await second.DisposeAsync();
        Assert.Equal((0, 0), (bus.RelayedTopicCount, _backplane.ListenerCount("chat")));
    }

    [Fact]
    public async Task A_topic_carries_one_message_type()
    {
        var bus = Process();
        await using var numbers = await bus.SubscribeAsync<int>("chat", ct: Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await bus.SubscribeAsync<string>("chat", ct: Ct));
        Assert.Equal(1, bus.RelayedTopicCount);
    }

    [Fact]
    public async Task Messages_cross_as_json_with_their_publish_time()
    {
        var at = new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
        var a = Process(time: new FixedTime(at));
        var b = Process();
        await using var onB = await b.SubscribeAsync<Note>("notes", ct: Ct);

        await a.SendAsync("notes", new Note("hello", [1, 2]), Ct);

        var received = Assert.Single(await TakeAsync(onB, 1));
        Assert.Equal(("hello", at), (received.Message.Text, received.PublishedAt));
        Assert.Equal([1, 2], received.Message.Tags);
    }

    private DistributedTopicEventBus Process(TopicOptions? options = null, TimeProvider? time = null)
    {
        var bus = new DistributedTopicEventBus(_backplane, new JsonTopicMessageSerializer(), new TopicOptionsRegistry().SetDefault(options ?? new TopicOptions { ReplayWindow = 100 }), time);
        _buses.Add(bus);
        return bus;
    }

    private static async Task<List<TopicEvent<T>>> TakeAsync<T>(ISourceStream<T> stream, int count)
    {
        var read = new List<TopicEvent<T>>();
        var events = stream.GetAsyncEnumerator(Ct);
        try
        {
            while (read.Count < count && await events.MoveNextAsync().AsTask().WaitAsync(Patience, Ct))
            {
                read.Add(events.Current);
            }
        }
        finally
        {
            await events.DisposeAsync();
        }

        return read;
    }

    public sealed record Note(string Text, int[] Tags);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
