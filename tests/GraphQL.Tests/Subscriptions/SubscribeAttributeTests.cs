using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Subscriptions;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.GraphQL.Tests.Execution;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Subscriptions;

public sealed class SubscribeAttributeTests : IAsyncDisposable
{
    private static readonly Guid Election = Guid.Parse("0b9a3f5e-7c4d-4e8a-9f61-2d3c4b5a6978");
    private readonly ServiceProvider _services;
    private readonly InMemoryTopicEventBus _bus;
    private readonly Schema _schema = SchemaBuilder.New().AddQueryType<Query>().AddSubscriptionType<TallySubscription>().Create();

    public SubscribeAttributeTests()
    {
        _services = new ServiceCollection()
            .AddInMemoryTopicEventBus(topics => topics
                .AddPrefix("tally:", new TopicOptions { ReplayWindow = 10, SubscriberBufferSize = 4, Policy = SlowSubscriberPolicy.EndSubscriber }))
            .BuildServiceProvider();
        _bus = _services.GetRequiredService<InMemoryTopicEventBus>();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task The_topic_is_the_template_filled_with_the_arguments_and_each_message_is_resolved()
    {
        var stream = await SubscribeAsync($$"""subscription { tally(electionId: "{{Election}}") { total sequence } }""");
        await _bus.SendAsync($"tally:{Election:D}", new TallyMessage(3), Token);
        await _bus.SendAsync($"tally:{Guid.Empty:D}", new TallyMessage(99), Token);
        await _bus.SendAsync($"tally:{Election:D}", new TallyMessage(5), Token);

        Assert.Equal(
            [
                """{"data":{"tally":{"total":3,"sequence":1}}}""",
                """{"data":{"tally":{"total":5,"sequence":2}}}""",
            ],
            await TakeAsync(stream, 2));
    }

    [Fact]
    public async Task Without_a_topic_attribute_the_topic_is_the_field_name()
    {
        var stream = await SubscribeAsync("subscription { notices }");
        await _bus.SendAsync("notices", "polls close at eight", Token);

        Assert.Equal(["""{"data":{"notices":"polls close at eight"}}"""], await TakeAsync(stream, 1));
    }

    [Fact]
    public async Task After_sequence_replays_the_missed_events_then_goes_on_live()
    {
        var topic = $"tally:{Election:D}";
        for (var total = 1; total <= 4; total++)
        {
            await _bus.SendAsync(topic, new TallyMessage(total), Token);
        }

        var stream = await SubscribeAsync($$"""subscription { tally(electionId: "{{Election}}", afterSequence: 2) { total sequence } }""");
        await _bus.SendAsync(topic, new TallyMessage(5), Token);

        Assert.Equal(
            [
                """{"data":{"tally":{"total":3,"sequence":3}}}""",
                """{"data":{"tally":{"total":4,"sequence":4}}}""",
                """{"data":{"tally":{"total":5,"sequence":5}}}""",
            ],
            await TakeAsync(stream, 3));
    }

    [Fact]
    public async Task A_negative_after_sequence_is_bad_user_input()
    {
        var result = await Executor.SubscribeAsync(Request($$"""subscription { tally(electionId: "{{Election}}", afterSequence: -1) { total } }"""), Token);

        Assert.False(result.IsStream);
        Assert.Equal(
            """{"errors":[{"message":"\u0022afterSequence\u0022 is a sequence already seen: 0 or more, not -1.","locations":[{"line":1,"column":16}],"path":["tally"],"extensions":{"code":"BAD_USER_INPUT"}}]}""",
            ExecutorTests.Write(result.RequestError));
    }

    [Fact]
    public async Task A_subscriber_that_falls_a_buffer_behind_on_a_log_topic_ends_with_resync_required()
    {
        var stream = await SubscribeAsync($$"""subscription { tally(electionId: "{{Election}}") { total } }""");
        for (var total = 1; total <= 6; total++)
        {
            await _bus.SendAsync($"tally:{Election:D}", new TallyMessage(total), Token);
        }

        var results = await TakeAsync(stream, 10);

        Assert.Equal(5, results.Count);
        Assert.Equal("""{"data":{"tally":{"total":4}}}""", results[3]);
        Assert.Equal(
            $$$"""{"errors":[{"message":"The subscription to topic \u0027tally:{{{Election}}}\u0027 missed events after sequence 4 (it fell 4 events behind on a topic that ends slow subscribers); refetch and subscribe again.","locations":[{"line":1,"column":16}],"path":["tally"],"extensions":{"code":"RESYNC_REQUIRED","topic":"tally:{{{Election}}}","lastSequence":4}}]}""",
            results[4]);
    }

    [Fact]
    public async Task Ending_the_subscription_unsubscribes_from_the_topic()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var result = await Executor.SubscribeAsync(Request("subscription { notices }"), cancellation.Token);
        await using (var events = result.Responses!.GetAsyncEnumerator(cancellation.Token))
        {
            Assert.Equal(1, _bus.TopicCount);
            await _bus.SendAsync("notices", "one", Token);
            Assert.True(await events.MoveNextAsync());
        }

        Assert.Equal(0, _bus.TopicCount);
    }

    [Fact]
    public void A_template_naming_no_argument_refuses_the_schema()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<Query>().AddSubscriptionType<MisspeltTopic>().Create());

        Assert.Equal("The topic template \"tally:{election}\" of MisspeltTopic.tally names \"election\", which is not an argument of the field.", error.Message);
    }

    [Fact]
    public void An_after_sequence_argument_that_is_not_a_long_refuses_the_schema()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<Query>().AddSubscriptionType<WrongResume>().Create());

        Assert.Equal("[Subscribe] on WrongResume.Tally: AfterSequenceArgument \"after\" must name a Long or Int argument of the field.", error.Message);
    }

    [Fact]
    public void Subscribe_on_a_method_that_returns_a_stream_refuses_the_schema()
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.New().AddQueryType<Query>().AddSubscriptionType<StreamAndTopic>().Create());

        Assert.Equal("[Subscribe] on StreamAndTopic.Numbers: the method already returns a stream; a topic field's method resolves one event.", error.Message);
    }

    [Fact]
    public async Task Without_a_topic_bus_the_subscription_is_refused_with_an_internal_error()
    {
        var result = await Executor.SubscribeAsync(
            new ExecutionRequest { Schema = _schema, Document = Parser.Parse("subscription { notices }"), Services = new ServiceCollection().BuildServiceProvider() },
            Token);

        Assert.False(result.IsStream);
        Assert.Contains("\"code\":\"INTERNAL_SERVER_ERROR\"", ExecutorTests.Write(result.RequestError), StringComparison.Ordinal);
    }

    private ExecutionRequest Request(string document) => new() { Schema = _schema, Document = Parser.Parse(document), Services = _services };

    private async Task<IAsyncEnumerator<ExecutionResult>> SubscribeAsync(string document)
    {
        var result = await Executor.SubscribeAsync(Request(document), Token);
        Assert.True(result.IsStream, result.RequestError is null ? null : ExecutorTests.Write(result.RequestError));
        return result.Responses.GetAsyncEnumerator(Token);
    }

    // Up to `count` results, fewer when the stream ends first.
    private static async Task<List<string>> TakeAsync(IAsyncEnumerator<ExecutionResult> stream, int count)
    {
        var results = new List<string>();
        await using (stream)
        {
            while (results.Count < count && await stream.MoveNextAsync())
            {
                results.Add(ExecutorTests.Write(stream.Current));
            }
        }

        return results;
    }

    public sealed class Query
    {
        public bool Ok => true;
    }

    public sealed record TallyMessage(int Total);

    public sealed record TallyUpdate(int Total, long Sequence);

    public sealed class TallySubscription
    {
        [Subscribe(AfterSequenceArgument = "afterSequence")]
        [Topic("tally:{electionId}")]
        public TallyUpdate Tally([ID] Guid electionId, long? afterSequence, [EventMessage] TallyMessage message, SubscriptionEvent @event)
        {
            _ = (electionId, afterSequence);
            return new TallyUpdate(message.Total, @event.Sequence);
        }

        [Subscribe]
        public string Notices([EventMessage] string notice) => notice;
    }

    public sealed class MisspeltTopic
    {
        [Subscribe]
        [Topic("tally:{election}")]
        public int Tally(Guid electionId, [EventMessage] int total)
        {
            _ = electionId;
            return total;
        }
    }

    public sealed class WrongResume
    {
        [Subscribe(AfterSequenceArgument = "after")]
        public int Tally(string after, [EventMessage] int total)
        {
            _ = after;
            return total;
        }
    }

    public sealed class StreamAndTopic
    {
        [Subscribe]
        public async IAsyncEnumerable<int> Numbers()
        {
            await Task.Yield();
            yield return 1;
        }
    }
}
