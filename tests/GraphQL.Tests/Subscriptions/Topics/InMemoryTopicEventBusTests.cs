using Voting.GraphQL.Errors;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.GraphQL.Tests.Subscriptions.Topics;

public sealed class InMemoryTopicEventBusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static InMemoryTopicEventBus Bus(TopicOptions options) => new(new TopicOptionsRegistry().SetDefault(options));

    private static async Task<List<long>> ReadAsync<T>(IAsyncEnumerator<TopicEvent<T>> events, int count)
    {
        var read = new List<long>();
        while (read.Count < count && await events.MoveNextAsync())
        {
            read.Add(events.Current.Sequence);
        }

        return read;
    }

    private static long[] Range(long first, long last) => [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(i => (long)i)];

    [Fact]
    public async Task Sequences_start_at_1_and_each_subscriber_gets_the_events_in_order()
    {
        var bus = new InMemoryTopicEventBus();
        await using var first = await bus.SubscribeAsync<string>("chat", ct: Ct);
        await using var second = await bus.SubscribeAsync<string>("chat", ct: Ct);

        var sequences = new List<long>();
        foreach (var message in new[] { "a", "b", "c" })
        {
            sequences.Add(await bus.SendAsync("chat", message, Ct));
        }

        Assert.Equal([1, 2, 3], sequences);
        foreach (var stream in new[] { first, second })
        {
            await using var events = stream.GetAsyncEnumerator(Ct);
            var messages = new List<string>();
            for (var i = 0; i < 3 && await events.MoveNextAsync(); i++)
            {
                messages.Add(events.Current.Message);
                Assert.Equal(i + 1, events.Current.Sequence);
            }

            Assert.Equal(["a", "b", "c"], messages);
        }
    }

    [Fact]
    public async Task Topics_number_their_events_independently()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 10 });

        Assert.Equal(1, await bus.SendAsync("a", 0, Ct));
        Assert.Equal(2, await bus.SendAsync("a", 0, Ct));
        Assert.Equal(1, await bus.SendAsync("b", 0, Ct));
    }

    [Fact]
    public async Task Concurrent_senders_get_distinct_sequences_and_subscribers_see_them_in_order()
    {
        const int Senders = 8;
        const int PerSender = 1_000;
        var bus = Bus(new TopicOptions { SubscriberBufferSize = Senders * PerSender });
        await using var stream = await bus.SubscribeAsync<(int Sender, int Index)>("votes", ct: Ct);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(
            async () =>
            {
                await start.Task;
                var sequences = new List<long>();
                for (var i = 0; i < PerSender; i++)
                {
                    sequences.Add(await bus.SendAsync("votes", (sender, i), Ct));
                }

                return sequences;
            },
            Ct)).ToArray();
        start.SetResult();
        var returned = (await Task.WhenAll(senders)).SelectMany(s => s).Order().ToArray();

        Assert.Equal(Range(1, Senders * PerSender), returned);
        var received = new List<TopicEvent<(int Sender, int Index)>>();
        await foreach (var published in stream.WithCancellation(Ct))
        {
            received.Add(published);
            if (received.Count == Senders * PerSender)
            {
                break;
            }
        }

        Assert.Equal(Range(1, Senders * PerSender), received.Select(e => e.Sequence));
        // Each sender's own messages keep the order it sent them in.
        foreach (var group in received.GroupBy(e => e.Message.Sender))
        {
            Assert.Equal(Enumerable.Range(0, PerSender), group.Select(e => e.Message.Index));
        }
    }

    [Fact]
    public async Task Subscribing_after_a_sequence_replays_the_window_then_continues_live()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 10 });
        for (var i = 1; i <= 5; i++)
        {
            await bus.SendAsync("chat", $"m{i}", Ct);
        }

        await using var stream = await bus.SubscribeAsync<string>("chat", new SubscribeOptions { AfterSequence = 2 }, Ct);
        await bus.SendAsync("chat", "m6", Ct);
        await using var events = stream.GetAsyncEnumerator(Ct);

        var messages = new List<string>();
        for (var i = 0; i < 4 && await events.MoveNextAsync(); i++)
        {
            messages.Add($"{events.Current.Sequence}:{events.Current.Message}");
        }

        Assert.Equal(["3:m3", "4:m4", "5:m5", "6:m6"], messages);
    }

    [Fact]
    public async Task Resuming_at_the_last_sequence_gives_only_live_events()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 0 });
        await using var holder = await bus.SubscribeAsync<int>("t", ct: Ct);
        await bus.SendAsync("t", 1, Ct);
        await bus.SendAsync("t", 2, Ct);

        await using var stream = await bus.SubscribeAsync<int>("t", new SubscribeOptions { AfterSequence = 2 }, Ct);
        await bus.SendAsync("t", 3, Ct);

        Assert.Equal([3], await ReadAsync(stream.GetAsyncEnumerator(Ct), 1));
    }

    [Fact]
    public async Task Resuming_while_events_are_sent_has_no_gap_and_no_duplicate()
    {
        const int Events = 5_000;

        // Where the subscription lands among the sends varies from run to run; each run must be exact.
        for (var run = 0; run < 10; run++)
        {
            var bus = Bus(new TopicOptions { ReplayWindow = Events, SubscriberBufferSize = Events });
            var halfway = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var sender = Task.Run(
                async () =>
                {
                    for (var i = 1; i <= Events; i++)
                    {
                        var sequence = await bus.SendAsync("chat", i, Ct);
                        if (i == Events / 2)
                        {
                            halfway.SetResult(sequence);
                        }
                    }
                },
                Ct);
            var resumeAfter = await halfway.Task - 100;
            await using var stream = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = resumeAfter }, Ct);
            await sender;

            var received = await ReadAsync(stream.GetAsyncEnumerator(Ct), Events - (int)resumeAfter);

            Assert.Equal(Range(resumeAfter + 1, Events), received);
        }
    }

    [Fact]
    public async Task Resuming_before_the_replay_window_ends_the_stream_with_RESYNC_REQUIRED()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 3 });
        for (var i = 1; i <= 10; i++)
        {
            await bus.SendAsync("chat", i, Ct);
        }

        await using var stream = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 6 }, Ct);
        var events = stream.GetAsyncEnumerator(Ct);

        var failure = await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await events.MoveNextAsync());
        Assert.Equal(ErrorCodes.ResyncRequired, failure.Code);
        Assert.Equal("RESYNC_REQUIRED", failure.Code);
        Assert.Equal(6, failure.LastSequence);
        Assert.Equal("chat", failure.Topic);
        Assert.Equal(6L, failure.Extensions!["lastSequence"]);
    }

    [Fact]
    public async Task Resuming_at_the_oldest_sequence_the_window_follows_replays_it_all()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 3 });
        for (var i = 1; i <= 10; i++)
        {
            await bus.SendAsync("chat", i, Ct);
        }

        await using var stream = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 7 }, Ct);

        Assert.Equal([8, 9, 10], await ReadAsync(stream.GetAsyncEnumerator(Ct), 3));
    }

    [Fact]
    public async Task Resuming_after_a_sequence_the_topic_never_reached_ends_with_RESYNC_REQUIRED()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 3 });
        await bus.SendAsync("chat", 1, Ct);

        await using var stream = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 5 }, Ct);

        var failure = await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await stream.GetAsyncEnumerator(Ct).MoveNextAsync());
        Assert.Equal(5, failure.LastSequence);
    }

    [Fact]
    public async Task A_stalled_subscriber_delays_neither_the_sender_nor_a_subscriber_reading_10000_events()
    {
        const int Events = 10_000;
        var bus = Bus(new TopicOptions { SubscriberBufferSize = 16, Policy = SlowSubscriberPolicy.EndSubscriber });
        await using var stalled = await bus.SubscribeAsync<int>("chat", ct: Ct);
        await using var reader = await bus.SubscribeAsync<int>("chat", ct: Ct);
        var read = new SemaphoreSlim(0);
        var received = new List<long>();
        var reading = Task.Run(
            async () =>
            {
                await foreach (var published in reader.WithCancellation(Ct))
                {
                    received.Add(published.Sequence);
                    read.Release();
                    if (received.Count == Events)
                    {
                        return;
                    }
                }
            },
            Ct);

        for (var i = 1; i <= Events; i++)
        {
            var send = bus.SendAsync("chat", i, Ct);

            // The send finished before anyone read: it never waits for a subscriber.
            Assert.True(send.IsCompletedSuccessfully);
            Assert.Equal(i, await send);

            // Lock step with the reading subscriber, so its own 16-event buffer never fills.
            await read.WaitAsync(Ct);
        }

        await reading;
        Assert.Equal(Range(1, Events), received);
    }

    [Fact]
    public async Task A_full_buffer_ends_a_log_topic_subscriber_with_the_last_sequence_it_got()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 10, SubscriberBufferSize = 3, Policy = SlowSubscriberPolicy.EndSubscriber });
        await using var slow = await bus.SubscribeAsync<int>("chat", ct: Ct);
        await using var other = await bus.SubscribeAsync<int>("chat", ct: Ct);
        var otherEvents = other.GetAsyncEnumerator(Ct);
        for (var i = 1; i <= 5; i++)
        {
            await bus.SendAsync("chat", i, Ct);
            Assert.True(await otherEvents.MoveNextAsync());
        }

        var events = slow.GetAsyncEnumerator(Ct);
        Assert.Equal([1, 2, 3], await ReadAsync(events, 3));
        var failure = await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await events.MoveNextAsync());
        Assert.Equal(3, failure.LastSequence);

        // What it missed is still in the window: it resumes after the sequence the error carries.
        await using var resumed = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = failure.LastSequence }, Ct);
        Assert.Equal([4, 5], await ReadAsync(resumed.GetAsyncEnumerator(Ct), 2));
    }

    [Fact]
    public async Task A_late_subscriber_reads_its_buffer_before_it_is_ended()
    {
        var bus = Bus(new TopicOptions { SubscriberBufferSize = 1, Policy = SlowSubscriberPolicy.EndSubscriber });
        await using var holder = await bus.SubscribeAsync<int>("chat", ct: Ct);
        await bus.SendAsync("chat", 1, Ct);
        await using var slow = await bus.SubscribeAsync<int>("chat", ct: Ct);
        await bus.SendAsync("chat", 2, Ct);
        await bus.SendAsync("chat", 3, Ct);

        var events = slow.GetAsyncEnumerator(Ct);

        Assert.Equal([2], await ReadAsync(events, 1));
        var failure = await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await events.MoveNextAsync());
        Assert.Equal(2, failure.LastSequence);
    }

    [Fact]
    public async Task A_slow_snapshot_topic_subscriber_skips_to_the_latest_events_its_buffer_holds()
    {
        const int Events = 10_000;
        var bus = Bus(new TopicOptions { SubscriberBufferSize = 4, Policy = SlowSubscriberPolicy.Coalesce });
        await using var slow = await bus.SubscribeAsync<int>("tally", ct: Ct);
        for (var i = 1; i <= Events; i++)
        {
            Assert.True(bus.SendAsync("tally", i, Ct).IsCompletedSuccessfully);
        }

        var events = slow.GetAsyncEnumerator(Ct);
        Assert.Equal(Range(Events - 3, Events), await ReadAsync(events, 4));

        // It stays subscribed and goes on with live events.
        await bus.SendAsync("tally", Events + 1, Ct);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(Events + 1, events.Current.Sequence);
        Assert.Equal(Events + 1, events.Current.Message);
    }

    [Fact]
    public async Task A_buffer_holds_its_full_size_while_its_storage_grows_and_wraps()
    {
        var bus = Bus(new TopicOptions { SubscriberBufferSize = 100, Policy = SlowSubscriberPolicy.EndSubscriber });
        await using var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);
        var events = stream.GetAsyncEnumerator(Ct);
        for (var i = 1; i <= 3; i++)
        {
            await bus.SendAsync("chat", i, Ct);
        }

        Assert.Equal([1, 2], await ReadAsync(events, 2));
        for (var i = 4; i <= 102; i++)
        {
            await bus.SendAsync("chat", i, Ct);
        }

        // 3 to 102: exactly the 100 the buffer holds, in order across every growth of its storage.
        Assert.Equal(Range(3, 102), await ReadAsync(events, 100));
        for (var i = 103; i <= 203; i++)
        {
            await bus.SendAsync("chat", i, Ct);
        }

        Assert.Equal(Range(103, 202), await ReadAsync(events, 100));
        var failure = await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await events.MoveNextAsync());
        Assert.Equal(202, failure.LastSequence);
    }

    [Fact]
    public async Task A_snapshot_subscriber_that_reads_now_and_then_keeps_the_newest_its_buffer_holds()
    {
        var bus = Bus(new TopicOptions { SubscriberBufferSize = 5, Policy = SlowSubscriberPolicy.Coalesce });
        await using var stream = await bus.SubscribeAsync<int>("tally", ct: Ct);
        var events = stream.GetAsyncEnumerator(Ct);
        for (var i = 1; i <= 3; i++)
        {
            await bus.SendAsync("tally", i, Ct);
        }

        Assert.Equal([1], await ReadAsync(events, 1));
        for (var i = 4; i <= 13; i++)
        {
            await bus.SendAsync("tally", i, Ct);
        }

        Assert.Equal(Range(9, 13), await ReadAsync(events, 5));
    }

    [Fact]
    public async Task Subscribers_leaving_or_ended_amid_many_leave_the_others_every_event()
    {
        var bus = Bus(new TopicOptions { SubscriberBufferSize = 2, Policy = SlowSubscriberPolicy.EndSubscriber });
        var streams = new List<ISourceStream<int>>();
        for (var i = 0; i < 6; i++)
        {
            streams.Add(await bus.SubscribeAsync<int>("chat", ct: Ct));
        }

        var readers = streams.Select(s => s.GetAsyncEnumerator(Ct)).ToList();
        await streams[2].DisposeAsync();
        await streams[0].DisposeAsync();
        var stalled = readers[4];
        var reading = new[] { readers[1], readers[3], readers[5] };
        for (var i = 1; i <= 5; i++)
        {
            await bus.SendAsync("chat", i, Ct);
            foreach (var reader in reading)
            {
                Assert.True(await reader.MoveNextAsync());
                Assert.Equal(i, reader.Current.Sequence);
            }
        }

        Assert.Equal([1, 2], await ReadAsync(stalled, 2));
        await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await stalled.MoveNextAsync());
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }

        Assert.Equal(0, bus.TopicCount);
    }

    [Fact]
    public async Task A_snapshot_topic_replays_only_as_many_events_as_a_buffer_holds()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 10, SubscriberBufferSize = 2, Policy = SlowSubscriberPolicy.Coalesce });
        for (var i = 1; i <= 6; i++)
        {
            await bus.SendAsync("tally", i, Ct);
        }

        await using var stream = await bus.SubscribeAsync<int>("tally", new SubscribeOptions { AfterSequence = 1 }, Ct);

        Assert.Equal([5, 6], await ReadAsync(stream.GetAsyncEnumerator(Ct), 2));
    }

    [Fact]
    public async Task Disposing_the_stream_unsubscribes_and_forgets_a_topic_without_window()
    {
        var bus = new InMemoryTopicEventBus();
        var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);
        var events = stream.GetAsyncEnumerator(Ct);
        Assert.Equal(1, bus.TopicCount);

        await stream.DisposeAsync();

        Assert.Equal(0, bus.TopicCount);
        await bus.SendAsync("chat", 1, Ct);
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task Leaving_the_enumeration_unsubscribes()
    {
        var bus = new InMemoryTopicEventBus();
        var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);
        await bus.SendAsync("chat", 1, Ct);

        await foreach (var published in stream.WithCancellation(Ct))
        {
            Assert.Equal(1, published.Sequence);
            break;
        }

        Assert.Equal(0, bus.TopicCount);
    }

    [Fact]
    public async Task Cancelling_a_waiting_reader_unsubscribes()
    {
        var bus = new InMemoryTopicEventBus();
        var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var waiting = stream.GetAsyncEnumerator(cancel.Token).MoveNextAsync().AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, bus.TopicCount);
    }

    [Fact]
    public async Task Disposing_wakes_a_reader_waiting_for_events()
    {
        var bus = new InMemoryTopicEventBus();
        var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);
        var waiting = stream.GetAsyncEnumerator(Ct).MoveNextAsync().AsTask();

        await stream.DisposeAsync();

        Assert.False(await waiting);
    }

    [Fact]
    public async Task A_topic_with_a_window_is_kept_without_subscribers_and_one_without_is_not()
    {
        var bus = new InMemoryTopicEventBus(new TopicOptionsRegistry().AddPrefix("chat:", new TopicOptions { ReplayWindow = 5 }));

        await bus.SendAsync("chat:1", 1, Ct);
        await bus.SendAsync("tally:1", 1, Ct);

        Assert.Equal(1, bus.TopicCount);
    }

    [Fact]
    public async Task A_forgotten_topic_continues_its_sequence_when_used_again()
    {
        var bus = new InMemoryTopicEventBus();

        var first = await bus.SendAsync("chat", 1, Ct);
        var second = await bus.SendAsync("chat", 2, Ct);

        Assert.Equal(1, first);
        Assert.True(second > first);
    }

    [Fact]
    public async Task A_subscriber_resuming_on_a_forgotten_topic_gets_RESYNC_REQUIRED_not_a_silent_gap()
    {
        var bus = new InMemoryTopicEventBus();
        await using (await bus.SubscribeAsync<int>("chat", ct: Ct))
        {
            await bus.SendAsync("chat", 1, Ct);
        }

        // Forgotten (no subscriber, no window); the next events are ones the resuming client never saw.
        await bus.SendAsync("chat", 2, Ct);
        await using var holder = await bus.SubscribeAsync<int>("chat", ct: Ct);
        await bus.SendAsync("chat", 3, Ct);
        await using var resumed = await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = 1 }, Ct);

        await Assert.ThrowsAsync<TopicResyncRequiredException>(async () => await resumed.GetAsyncEnumerator(Ct).MoveNextAsync());
    }

    [Fact]
    public async Task Completing_a_topic_completes_its_subscribers_after_what_they_were_sent()
    {
        var bus = Bus(new TopicOptions { ReplayWindow = 5 });
        await using var stream = await bus.SubscribeAsync<string>("chat", ct: Ct);
        await bus.SendAsync("chat", "a", Ct);
        await bus.SendAsync("chat", "b", Ct);

        await bus.CompleteAsync("chat");

        var messages = new List<string>();
        await foreach (var published in stream.WithCancellation(Ct))
        {
            messages.Add(published.Message);
        }

        Assert.Equal(["a", "b"], messages);
        Assert.Equal(0, bus.TopicCount);
    }

    [Fact]
    public async Task Completing_an_unknown_topic_does_nothing()
    {
        var bus = new InMemoryTopicEventBus();

        await bus.CompleteAsync("nobody");

        Assert.Equal(0, bus.TopicCount);
    }

    [Fact]
    public async Task Events_carry_the_time_they_were_published()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var bus = new InMemoryTopicEventBus(time: new FixedTime(now));
        await using var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);
        await bus.SendAsync("chat", 1, Ct);

        var events = stream.GetAsyncEnumerator(Ct);

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(now, events.Current.PublishedAt);
    }

    [Fact]
    public async Task A_stream_can_be_enumerated_once()
    {
        var bus = new InMemoryTopicEventBus();
        await using var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);
        _ = stream.GetAsyncEnumerator(Ct);

        Assert.Throws<InvalidOperationException>(() => stream.GetAsyncEnumerator(Ct));
    }

    [Fact]
    public async Task A_topic_carries_one_message_type()
    {
        var bus = new InMemoryTopicEventBus();
        await using var stream = await bus.SubscribeAsync<int>("chat", ct: Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await bus.SendAsync("chat", "text", Ct));
    }

    [Fact]
    public async Task A_negative_resume_sequence_is_refused()
    {
        var bus = new InMemoryTopicEventBus();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            async () => await bus.SubscribeAsync<int>("chat", new SubscribeOptions { AfterSequence = -1 }, Ct));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
