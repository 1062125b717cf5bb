using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.GraphQL.Tests.Subscriptions.Topics;

/// <summary>
/// Readers handed an event are resumed on the fan-out threads (ADR 0037), after the send has returned and off
/// the topic's gate. Each reader here makes its first move before the send, so it is waiting, not buffering.
/// </summary>
public sealed class TopicFanOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_send_returns_before_the_reader_it_woke_has_finished_with_the_event()
    {
        var bus = new InMemoryTopicEventBus();
        await using var stream = await bus.SubscribeAsync<string>("room", ct: Ct);
        await using var events = stream.GetAsyncEnumerator(Ct);
        using var sent = new ManualResetEventSlim();
        var move = events.MoveNextAsync();
        Assert.False(move.IsCompleted);
        var resumed = move.AsTask().ContinueWith(
            moved =>
            {
                // Held until the send has returned: were the reader run on the sender's thread, the send would not return.
                var released = sent.Wait(TimeSpan.FromSeconds(30), Ct);
                return (moved.Result, Thread.CurrentThread.Name, released);
            },
            Ct,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        await bus.SendAsync("room", "hello", Ct);
        sent.Set();

        var (moved, thread, released) = await resumed;
        Assert.True(moved);
        Assert.True(released, "the send waited for its reader");
        Assert.Equal("Topic fan-out", thread);
        Assert.Equal("hello", events.Current.Message);
    }

    [Fact]
    public async Task A_reader_that_sends_to_its_own_topic_while_resumed_gets_that_event_next()
    {
        var bus = new InMemoryTopicEventBus();
        await using var stream = await bus.SubscribeAsync<int>("echo", ct: Ct);
        await using var events = stream.GetAsyncEnumerator(Ct);

        async Task<List<int>> EchoAsync()
        {
            var seen = new List<int>();
            while (seen.Count < 5 && await events.MoveNextAsync())
            {
                seen.Add(events.Current.Message);

                // Sent from inside the resumed reader: it holds no gate of the topic, so this neither deadlocks nor reorders.
                if (events.Current.Message < 5)
                {
                    await bus.SendAsync("echo", events.Current.Message + 1, Ct);
                }
            }

            return seen;
        }

        var reader = EchoAsync();
        await bus.SendAsync("echo", 1, Ct);

        Assert.Equal([1, 2, 3, 4, 5], await reader);
    }

    [Fact]
    public async Task Every_one_of_many_waiting_readers_gets_every_event_once_in_order()
    {
        const int Readers = 300;
        const int Events = 40;
        var bus = new InMemoryTopicEventBus(new TopicOptionsRegistry().SetDefault(new TopicOptions { SubscriberBufferSize = Events }));
        var streams = new List<ISourceStream<int>>();
        for (var i = 0; i < Readers; i++)
        {
            streams.Add(await bus.SubscribeAsync<int>("many", ct: Ct));
        }

        static async Task<List<long>> ReadAllAsync(ISourceStream<int> stream)
        {
            var seen = new List<long>();
            await using var events = stream.GetAsyncEnumerator(Ct);
            while (seen.Count < Events && await events.MoveNextAsync())
            {
                seen.Add(events.Current.Sequence);
            }

            return seen;
        }

        // More readers than one chunk: the wakes of each send are spread over the fan-out threads.
        var readers = streams.Select(ReadAllAsync).ToList();
        for (var i = 0; i < Events; i++)
        {
            await bus.SendAsync("many", i, Ct);
        }

        var expected = Enumerable.Range(1, Events).Select(i => (long)i).ToList();
        foreach (var reader in readers)
        {
            Assert.Equal(expected, await reader);
        }

        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }
}
