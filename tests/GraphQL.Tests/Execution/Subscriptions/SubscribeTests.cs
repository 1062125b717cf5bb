using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Fetching;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Execution.Subscriptions;

public sealed class SubscribeTests
{
    private const string FeedSdl = """
        type Query { ok: Boolean }
        type Subscription { feed: String scope: Int }
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Code_first_subscription_methods_stream_their_events_in_order()
    {
        var schema = SchemaBuilder.New().AddQueryType<VoteQuery>().AddSubscriptionType<VoteSubscription>().Create();

        var results = await CollectAsync(schema, """subscription { onVoteCast(electionId: "e1", count: 3) { electionId total } }""");

        Assert.Equal(
            [
                """{"data":{"onVoteCast":{"electionId":"e1","total":1}}}""",
                """{"data":{"onVoteCast":{"electionId":"e1","total":2}}}""",
                """{"data":{"onVoteCast":{"electionId":"e1","total":3}}}""",
            ],
            results);
    }

    [Fact]
    public async Task Each_event_has_its_own_field_errors_with_paths()
    {
        var results = await CollectAsync(TickSchema.Create(), "subscription { ticks(count: 3) { n loud } }");

        Assert.Equal(
            [
                """{"data":{"ticks":{"n":1,"loud":"TICK 1"}}}""",
                """{"errors":[{"message":"Cannot return null for non-nullable field Tick.loud.","locations":[{"line":1,"column":36}],"path":["ticks","loud"],"extensions":{"code":"NON_NULL_VIOLATION"}}],"data":{"ticks":null}}""",
                """{"errors":[{"message":"Cannot return null for non-nullable field Tick.n.","locations":[{"line":1,"column":34}],"path":["ticks","n"],"extensions":{"code":"NON_NULL_VIOLATION"}}],"data":{"ticks":null}}""",
            ],
            results);
    }

    [Fact]
    public async Task A_null_in_a_non_null_root_field_makes_that_event_data_null_and_the_stream_goes_on()
    {
        var results = await CollectAsync(TickSchema.Create(), "subscription { required(count: 3) { n loud } }");

        Assert.Equal(3, results.Count);
        Assert.Equal("""{"data":{"required":{"n":1,"loud":"TICK 1"}}}""", results[0]);
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Tick.loud.","locations":[{"line":1,"column":39}],"path":["required","loud"],"extensions":{"code":"NON_NULL_VIOLATION"}}],"data":null}""",
            results[1]);
        Assert.StartsWith("""{"errors":[{"message":"Cannot return null for non-nullable field Tick.n.""", results[2], StringComparison.Ordinal);
        Assert.EndsWith("\"data\":null}", results[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query { ok }", """{"errors":[{"message":"Expected subscription operation.","extensions":{"code":"OPERATION_NOT_ALLOWED"}}]}""")]
    [InlineData("subscription { refused { n } }", """{"errors":[{"message":"Not allowed.","locations":[{"line":1,"column":16}],"path":["refused"],"extensions":{"code":"FORBIDDEN"}}]}""")]
    [InlineData("subscription { notAStream { n } }", """{"errors":[{"message":"Subscription field must return Async Iterable. Received: \u0022hello\u0022.","locations":[{"line":1,"column":16}],"path":["notAStream"],"extensions":{"code":"INVALID_RESULT"}}]}""")]
    [InlineData("subscription S($c: Int!) { ticks(count: $c) { n } }", """{"errors":[{"message":"Variable \u0022$c\u0022 has invalid value: Expected a value of non-null type \u0022Int!\u0022 to be provided.","locations":[{"line":1,"column":16}],"extensions":{"code":"BAD_USER_INPUT"}}]}""")]
    public async Task A_subscription_that_cannot_start_gives_a_request_error(string document, string expected)
    {
        var subscribed = await SubscribeAsync(TickSchema.Create(), document);

        Assert.False(subscribed.IsStream);
        Assert.False(subscribed.RequestError.HasData);
        Assert.Equal(expected, ExecutorTests.Write(subscribed.RequestError));
    }

    [Fact]
    public async Task A_schema_without_a_subscription_type_refuses_to_subscribe()
    {
        var schema = SchemaBuilder.FromSdl("type Query { ok: Boolean }").Create();
        var subscribed = await Executor.SubscribeAsync(new ExecutionRequest { Schema = schema, Document = Parser.Parse("subscription { ok }") }, Token);

        Assert.False(subscribed.IsStream);
        Assert.Equal(
            """{"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}],"extensions":{"code":"OPERATION_NOT_ALLOWED"}}]}""",
            ExecutorTests.Write(subscribed.RequestError));
    }

    [Fact]
    public async Task More_than_one_root_field_is_a_request_error_even_without_validation()
    {
        var subscribed = await Executor.SubscribeAsync(
            new ExecutionRequest { Schema = TickSchema.Create(), Document = Parser.Parse("subscription Two { ticks(count: 1) { n } refused { n } }") },
            Token);

        Assert.False(subscribed.IsStream);
        Assert.Equal("Subscription \"Two\" must select only one top level field.", Assert.Single(subscribed.RequestError.Errors).Message);
    }

    [Fact]
    public async Task An_unexpected_exception_from_the_subscriber_is_hidden_and_reported()
    {
        var reported = new List<Exception>();
        var schema = SchemaBuilder.FromSdl(FeedSdl).BindSubscriber("Subscription", "feed", _ => throw new InvalidOperationException("secret")).Create();

        var subscribed = await SubscribeAsync(schema, "subscription { feed }", new ExecutionOptions { OnUnexpectedError = (e, _) => reported.Add(e) });

        Assert.Equal(
            """{"errors":[{"message":"Unexpected Execution Error","locations":[{"line":1,"column":16}],"path":["feed"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}""",
            ExecutorTests.Write(subscribed.RequestError!));
        Assert.Equal("secret", Assert.Single(reported).Message);
    }

    [Fact]
    public async Task A_stream_of_value_types_is_a_source_stream_too()
    {
        var schema = SchemaBuilder.FromSdl(FeedSdl)
            .BindSubscriber("Subscription", "scope", _ => new(Numbers()))
            .BindResolver("Subscription", "scope", c => new(c.Parent))
            .Create();

        Assert.Equal(["""{"data":{"scope":1}}""", """{"data":{"scope":2}}"""], await CollectAsync(schema, "subscription { scope }"));

        static async IAsyncEnumerable<int> Numbers()
        {
            await Task.Yield();
            yield return 1;
            yield return 2;
        }
    }

    [Fact]
    public async Task Each_event_dispatches_its_own_DataLoader_batch()
    {
        var batches = new List<string[]>();
        var schema = SchemaBuilder.FromSdl("""
                type Query { ok: Boolean }
                type Subscription { items: [Item!]! }
                type Item { id: ID! name: String! }
                """)
            .BindSubscriber("Subscription", "items", _ => new(Events()))
            .BindResolver("Subscription", "items", c => new(c.Parent))
            .BindResolver("Item", "id", c => new(c.Parent))
            .BindResolver("Item", "name", async c =>
            {
                var loader = c.DataLoaders.GetOrCreate("names", scheduler => new FuncBatchDataLoader<string, string>(
                    (keys, _) =>
                    {
                        batches.Add([.. keys]);
                        return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k.ToUpperInvariant()));
                    },
                    scheduler));
                return await loader.LoadAsync((string)c.Parent!, c.CancellationToken);
            })
            .Create();

        var results = await CollectAsync(schema, "subscription { items { id name } }");

        Assert.Equal(
            [
                """{"data":{"items":[{"id":"a","name":"A"},{"id":"b","name":"B"}]}}""",
                """{"data":{"items":[{"id":"a","name":"A"},{"id":"c","name":"C"}]}}""",
            ],
            results);
        Assert.Equal([["a", "b"], ["a", "c"]], batches);

        static async IAsyncEnumerable<object?> Events()
        {
            await Task.Yield();
            yield return new List<object?> { "a", "b" };
            yield return new List<object?> { "a", "c" };
        }
    }

    [Fact]
    public async Task A_failing_source_ends_the_stream_with_one_result_that_carries_its_error()
    {
        var subscribed = await SubscribeAsync(TickSchema.Create(), "subscription { failingSource(count: 1) { n } }");
        var results = new List<ExecutionResult>();
        await foreach (var result in subscribed.Responses!.WithCancellation(Token))
        {
            results.Add(result);
        }

        Assert.Equal(2, results.Count);
        Assert.Equal("""{"data":{"failingSource":{"n":1}}}""", ExecutorTests.Write(results[0]));
        Assert.False(results[1].HasData);
        Assert.Equal(
            """{"errors":[{"message":"Feed lost.","locations":[{"line":1,"column":16}],"path":["failingSource"],"extensions":{"code":"FEED_LOST"}}]}""",
            ExecutorTests.Write(results[1]));
    }

    [Fact]
    public async Task An_unexpected_source_failure_is_hidden_and_reported()
    {
        var reported = new List<Exception>();
        var schema = SchemaBuilder.FromSdl(FeedSdl)
            .BindSubscriber("Subscription", "feed", _ => new(Failing()))
            .BindResolver("Subscription", "feed", c => new(c.Parent))
            .Create();
        var subscribed = await SubscribeAsync(schema, "subscription { feed }", new ExecutionOptions { OnUnexpectedError = (e, _) => reported.Add(e) });

        var results = await ReadAllAsync(subscribed);

        Assert.Equal(
            [
                """{"data":{"feed":"first"}}""",
                """{"errors":[{"message":"Unexpected Execution Error","locations":[{"line":1,"column":16}],"path":["feed"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}""",
            ],
            results);
        Assert.Equal("broker down", Assert.Single(reported).Message);

        static async IAsyncEnumerable<object?> Failing()
        {
            await Task.Yield();
            yield return "first";
            throw new InvalidOperationException("broker down");
        }
    }

    [Fact]
    public async Task Cancelling_the_subscription_while_it_waits_cancels_and_disposes_the_source()
    {
        var feed = new Feed();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var subscribed = await SubscribeAsync(feed.Schema(), "subscription { feed }", cancellationToken: cancel.Token);
        await using var responses = subscribed.Responses!.GetAsyncEnumerator(Token);
        feed.Publish("a");
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal("""{"data":{"feed":"a"}}""", ExecutorTests.Write(responses.Current));

        var waiting = responses.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(await feed.Ended.Task, "the source's enumerator should see its token cancelled");
    }

    [Fact]
    public async Task Disposing_the_response_stream_cancels_and_disposes_the_source()
    {
        var feed = new Feed();
        var subscribed = await SubscribeAsync(feed.Schema(), "subscription { feed }");
        feed.Publish("a");
        await foreach (var result in subscribed.Responses!.WithCancellation(Token))
        {
            Assert.Equal("""{"data":{"feed":"a"}}""", ExecutorTests.Write(result));
            break;
        }

        Assert.True(feed.Ended.Task.IsCompleted, "disposal should have run the source's finally");
        Assert.True(await feed.Ended.Task);
    }

    [Fact]
    public async Task Cancelling_the_enumeration_token_cancels_the_source()
    {
        var feed = new Feed();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var subscribed = await SubscribeAsync(feed.Schema(), "subscription { feed }");
        await using var responses = subscribed.Responses!.GetAsyncEnumerator(cancel.Token);

        var waiting = responses.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(await feed.Ended.Task);
    }

    [Fact]
    public async Task The_time_limit_applies_to_each_event_not_to_the_stream()
    {
        var feed = new Feed();
        var options = new ExecutionOptions { Timeout = TimeSpan.FromMilliseconds(200) };
        var subscribed = await SubscribeAsync(feed.Schema(), "subscription { feed }", options);
        await using var responses = subscribed.Responses!.GetAsyncEnumerator(Token);

        feed.Publish("a");
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal("""{"data":{"feed":"a"}}""", ExecutorTests.Write(responses.Current));

        // Longer than the limit between events: the stream is not timed out by it.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Token);
        feed.Publish("hang");
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal(
            """{"errors":[{"message":"The execution took longer than its limit of 0.2 seconds and was cancelled.","extensions":{"code":"EXECUTION_TIMEOUT"}}]}""",
            ExecutorTests.Write(responses.Current));

        feed.Publish("b");
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal("""{"data":{"feed":"b"}}""", ExecutorTests.Write(responses.Current));
    }

    [Fact]
    public async Task Each_event_runs_its_root_field_in_a_scope_of_its_own_and_the_source_in_another()
    {
        var services = new ServiceCollection().AddScoped<ScopeProbe>().BuildServiceProvider();
        await using (services)
        {
            ScopeProbe? sourceProbe = null;
            var eventProbes = new List<ScopeProbe>();
            var schema = SchemaBuilder.FromSdl(FeedSdl)
                .BindSubscriber("Subscription", "scope", c =>
                {
                    sourceProbe = c.RequestServices!.GetRequiredService<ScopeProbe>();
                    return new(Numbers(3));
                })
                .BindResolver("Subscription", "scope", c =>
                {
                    var probe = c.RequestServices!.GetRequiredService<ScopeProbe>();
                    Assert.False(probe.Disposed);
                    eventProbes.Add(probe);
                    return new(c.Parent);
                })
                .Create();

            var document = Parser.Parse("subscription { scope }");
            var subscribed = await Executor.SubscribeAsync(new ExecutionRequest { Schema = schema, Document = document, Services = services }, Token);
            var results = await ReadAllAsync(subscribed);

            Assert.Equal(["""{"data":{"scope":1}}""", """{"data":{"scope":2}}""", """{"data":{"scope":3}}"""], results);
            Assert.Equal(3, eventProbes.Distinct().Count());
            Assert.DoesNotContain(sourceProbe, eventProbes);
            Assert.All(eventProbes, p => Assert.True(p.Disposed));
            Assert.True(sourceProbe!.Disposed, "the source's scope ends with the stream");
        }

        static async IAsyncEnumerable<object?> Numbers(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }
    }

    [Fact]
    public async Task An_event_that_times_out_answers_execution_timeout_and_the_next_events_run_within_their_own_limit()
    {
        var schema = SchemaBuilder.FromSdl(FeedSdl)
            .BindSubscriber("Subscription", "feed", _ => new(Texts()))
            .BindResolver("Subscription", "feed", async c =>
            {
                if ((string?)c.Parent == "slow")
                {
                    await Task.Delay(Timeout.Infinite, c.CancellationToken);
                }

                return c.Parent;
            })
            .Create();

        var subscribed = await SubscribeAsync(schema, "subscription { feed }", new ExecutionOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        var results = await ReadAllAsync(subscribed);

        Assert.Equal(4, results.Count);
        Assert.Equal("""{"data":{"feed":"first"}}""", results[0]);
        Assert.Contains("\"code\":\"EXECUTION_TIMEOUT\"", results[1], StringComparison.Ordinal);
        Assert.Equal(["""{"data":{"feed":"after"}}""", """{"data":{"feed":"last"}}"""], results[2..]);

        static async IAsyncEnumerable<object?> Texts()
        {
            foreach (var text in new[] { "first", "slow", "after", "last" })
            {
                await Task.Yield();
                yield return text;
            }
        }
    }

    private static async Task<SubscriptionResult> SubscribeAsync(Schema schema, string query, ExecutionOptions? options = null, CancellationToken? cancellationToken = null)
    {
        var document = Parser.Parse(query);
        Assert.Empty(DocumentValidator.Validate(schema, document));
        return await Executor.SubscribeAsync(
            new ExecutionRequest { Schema = schema, Document = document, Options = options ?? ExecutionOptions.Default },
            cancellationToken ?? Token);
    }

    private static async Task<List<string>> CollectAsync(Schema schema, string query)
    {
        var subscribed = await SubscribeAsync(schema, query);
        Assert.True(subscribed.IsStream, subscribed.RequestError is { } error ? ExecutorTests.Write(error) : null);
        return await ReadAllAsync(subscribed);
    }

    private static async Task<List<string>> ReadAllAsync(SubscriptionResult subscribed)
    {
        var results = new List<string>();
        await foreach (var result in subscribed.Responses!.WithCancellation(Token))
        {
            results.Add(ExecutorTests.Write(result));
        }

        return results;
    }

    /// <summary>A source the test publishes to; <see cref="Ended"/> completes when its enumerator ends, with whether its token had fired.</summary>
    private sealed class Feed
    {
        private readonly Channel<string> _events = Channel.CreateUnbounded<string>();

        public TaskCompletionSource<bool> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Publish(string value) => Assert.True(_events.Writer.TryWrite(value));

        public Schema Schema() => SchemaBuilder.FromSdl(FeedSdl)
            .BindSubscriber("Subscription", "feed", _ => new(Stream()))
            .BindResolver("Subscription", "feed", async c =>
            {
                if ((string?)c.Parent == "hang")
                {
                    await Task.Delay(Timeout.Infinite, c.CancellationToken);
                }

                return c.Parent;
            })
            .Create();

        private async IAsyncEnumerable<object?> Stream([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                while (await _events.Reader.WaitToReadAsync(cancellationToken))
                {
                    while (_events.Reader.TryRead(out var value))
                    {
                        yield return value;
                    }
                }
            }
            finally
            {
                Ended.TrySetResult(cancellationToken.IsCancellationRequested);
            }
        }
    }

    private sealed class ScopeProbe : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}

public sealed class VoteQuery
{
    public bool Ok => true;
}

public sealed class VoteSubscription
{
    public async IAsyncEnumerable<VoteCast> OnVoteCast(string electionId, int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var total = 1; total <= count; total++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new VoteCast(electionId, total);
        }
    }
}

public sealed record VoteCast(string ElectionId, int Total);
