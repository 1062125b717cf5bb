using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Server.ServerSentEvents;

namespace Voting.GraphQL.Tests.Server.ServerSentEvents;

public sealed class ServerSentEventsTests
{
    private const string EventStream = "text/event-stream";

    [Fact]
    public async Task Query_over_POST_is_one_next_event_then_complete()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostAsync(new { query = "{ hello }" }, EventStream);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EventStream, response.MediaType());
        var events = await ReadAllEventsAsync(response);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", events[0].Data);
        Assert.Equal(string.Empty, events[1].Data);
    }

    [Fact]
    public async Task Query_over_GET_streams_its_result()
    {
        await using var host = await StartHostAsync();
        using var response = await host.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ answer }"), EventStream);

        var events = await ReadAllEventsAsync(response);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal("""{"data":{"answer":42}}""", events[0].Data);
    }

    [Fact]
    public async Task Mutation_over_POST_streams_its_result()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostAsync(new { query = "mutation { increment(by: 2) }" }, EventStream);

        var events = await ReadAllEventsAsync(response);
        Assert.Equal("""{"data":{"increment":3}}""", events[0].Data);
        Assert.Equal("complete", events[^1].Event);
    }

    [Fact]
    public async Task Subscription_streams_every_result_in_order_then_complete()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostAsync(new { query = "subscription { counter(count: 3) }" }, EventStream);

        var events = await ReadAllEventsAsync(response);
        Assert.Equal(["next", "next", "next", "complete"], events.Select(e => e.Event));
        Assert.Equal([1, 2, 3], events.Take(3).Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("data").GetProperty("counter").GetInt32()));
    }

    [Fact]
    public async Task Validation_error_is_a_next_event_with_the_errors_then_complete()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostAsync(new { query = "{ nope }" }, EventStream);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await ReadAllEventsAsync(response);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        var result = JsonDocument.Parse(events[0].Data).RootElement;
        Assert.False(result.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", result.FirstCode());
    }

    [Fact]
    public async Task Subscription_with_variables_that_do_not_coerce_is_a_next_event_with_the_errors()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostAsync(new { query = "subscription ($n: Int!) { counter(count: $n) }", variables = new { n = "x" } }, EventStream);

        var events = await ReadAllEventsAsync(response);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.True(JsonDocument.Parse(events[0].Data).RootElement.GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Body_that_is_not_a_graphql_request_is_refused_with_400_json_before_any_stream()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostRawAsync("{not json", "application/json", EventStream);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.MediaType());
        Assert.Equal("BAD_REQUEST", (await response.JsonAsync()).FirstCode());
    }

    [Fact]
    public async Task Body_that_is_not_json_is_refused_with_415()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostRawAsync("{ hello }", "application/graphql", EventStream);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Mutation_over_GET_is_refused_with_405_json()
    {
        await using var host = await StartHostAsync();
        using var response = await host.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { increment }"), EventStream);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal("application/json", response.MediaType());
    }

    [Fact]
    public async Task Request_without_event_stream_in_accept_is_plain_graphql_over_http()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostAsync(new { query = "{ answer }" }, "application/json");

        Assert.Equal("application/json", response.MediaType());
        Assert.Equal(42, (await response.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
    }

    [Fact]
    public async Task Client_disconnecting_disposes_the_source_stream()
    {
        await using var host = await StartHostAsync();
        var key = Guid.NewGuid().ToString("N");
        var ended = StreamingTestSubscription.Ended.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var response = await SendStreamingAsync(host, $$"""{"query":"subscription { held(key: \"{{key}}\") }"}""");
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), Encoding.UTF8);

        var first = await ReadEventAsync(reader);
        Assert.Equal("""{"data":{"held":1}}""", first?.Data);
        Assert.False(ended.Task.IsCompleted);

        reader.Dispose();
        response.Dispose();

        await ended.Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Keep_alive_sends_comment_lines_while_the_stream_is_idle()
    {
        await using var host = await StartHostAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(10));
        var key = Guid.NewGuid().ToString("N");
        using var response = await SendStreamingAsync(host, $$"""{"query":"subscription { held(key: \"{{key}}\") }"}""");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), Encoding.UTF8);

        string? line;
        do
        {
            line = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        }
        while (line is not null && line != ":");

        Assert.Equal(":", line);
    }

    [Fact]
    public async Task Source_stream_that_fails_sends_its_error_as_the_last_next_then_complete()
    {
        await using var host = await StartHostAsync();
        using var response = await host.PostAsync(new { query = "subscription { failing }" }, EventStream);

        var events = await ReadAllEventsAsync(response);
        Assert.Equal(["next", "next", "complete"], events.Select(e => e.Event));
        Assert.Equal("""{"data":{"failing":1}}""", events[0].Data);
        Assert.Equal("FEED_LOST", JsonDocument.Parse(events[1].Data).RootElement.FirstCode());
    }

    [Fact]
    public async Task Keep_alive_interval_that_is_not_positive_stops_the_host()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(o => o.KeepAliveInterval = TimeSpan.Zero));
    }

    private static Task<GraphQLTestHost> StartHostAsync(Action<ServerSentEventsOptions>? configure = null) =>
        GraphQLTestHost.StartAsync(s => s.AddSubscriptionType<StreamingTestSubscription>().AddServerSentEvents(configure));

    /// <summary>POSTs and returns as soon as the headers arrive, so the test reads the stream while it is open.</summary>
    private static Task<HttpResponseMessage> SendStreamingAsync(GraphQLTestHost host, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(EventStream));
        return host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    private static async Task<List<(string Event, string Data)>> ReadAllEventsAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), Encoding.UTF8);
        var events = new List<(string Event, string Data)>();
        while (await ReadEventAsync(reader) is { } e)
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>The next event (its <c>event:</c> and <c>data:</c> fields) or null at the end; comment lines are skipped.</summary>
    private static async Task<(string Event, string Data)?> ReadEventAsync(StreamReader reader)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    return (name, data ?? string.Empty);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                data = data is null ? value : data + "\n" + value;
            }
        }

        return null;
    }
}
