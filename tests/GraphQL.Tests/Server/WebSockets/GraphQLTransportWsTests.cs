using System.Text.Json;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Server.WebSockets;

namespace Voting.GraphQL.Tests.Server.WebSockets;

public sealed class GraphQLTransportWsTests
{
    [Fact]
    public async Task Upgrade_with_the_subprotocol_selects_it()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, "other", GraphQLTransportWsTransport.SubProtocol);

        Assert.Equal(GraphQLTransportWsTransport.SubProtocol, client.SubProtocol);
    }

    [Fact]
    public async Task Upgrade_without_a_subprotocol_is_closed_with_4406()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host);

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Upgrade_offering_only_another_subprotocol_falls_through_to_http()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();

        // GraphQL over HTTP answers the GET (it carries no query), so the handshake is never completed.
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => WebSocketTestClient.ConnectAsync(host, "graphql-ws"));
    }

    [Fact]
    public async Task Connection_init_is_acknowledged()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "t" } });

        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        await using var host = await WebSocketTestClient.StartHostAsync(o => o.ConnectionInitWaitTimeout = TimeSpan.FromMilliseconds(20));
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task OnConnect_sees_the_payload_and_refusing_closes_with_4403()
    {
        object? token = null;
        await using var host = await WebSocketTestClient.StartHostAsync(o => o.OnConnect = (_, payload) =>
        {
            token = payload?["token"];
            return ValueTask.FromResult(false);
        });
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "secret" } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
        Assert.Equal("secret", token);
    }

    [Fact]
    public async Task OnConnect_that_throws_closes_with_4500()
    {
        await using var host = await WebSocketTestClient.StartHostAsync(o => o.OnConnect = (_, _) => throw new InvalidOperationException("broken"));
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4500, "Internal server error"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_and_pong_is_accepted()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);

        await client.SendAsync(new { type = "pong" });
        await client.SendAsync(new { type = "ping", payload = new { n = 1 } });

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Keep_alive_sends_ping()
    {
        await using var host = await WebSocketTestClient.StartHostAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(10));
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);
        await client.SendAsync(new { type = "connection_init" });

        // The keep-alive runs from the connection's start, so a ping may come before the acknowledgement too (the protocol allows
        // a ping at any time); an acknowledgement and pings, nothing else.
        var types = new List<string?>();
        while (!types.Contains("connection_ack") || !types.Contains("ping"))
        {
            types.Add((await client.ReceiveAsync()).GetProperty("type").GetString());
        }

        Assert.Equal(1, types.Count(t => t == "connection_ack"));
        Assert.All(types, t => Assert.Contains(t, new[] { "ping", "connection_ack" }));
    }

    [Fact]
    public async Task Subscribe_before_ack_closes_with_4401()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);

        await client.SubscribeAsync("1", "{ answer }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Duplicate_id_of_a_running_operation_closes_with_4409()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await client.SubscribeAsync("a", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SubscribeAsync("a", "{ answer }");

        Assert.Equal((4409, "Subscriber for a already exists"), await client.ReceiveCloseAsync());
        await StreamingTestSubscription.Ended[key].Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("not json", "Invalid message received: not JSON")]
    [InlineData("{\"type\":\"\\ud800\"}", "Invalid message received: not JSON")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"\\udfff\",\"payload\":{\"query\":\"{ answer }\"}}", "Invalid message received: not JSON")]
    [InlineData("[1]", "Invalid message received: a message is an object with a string \"type\"")]
    [InlineData("{\"type\":\"next\",\"id\":\"1\"}", "Invalid message received: unexpected type \"next\"")]
    [InlineData("{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ answer }\"}}", "Invalid message received: a non-empty string \"id\" is required")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\"}", "Invalid message received: subscribe needs a payload object")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":1}}", "Invalid message received: subscribe payload has a field of the wrong type")]
    [InlineData("{\"type\":\"complete\"}", "Invalid message received: a non-empty string \"id\" is required")]
    [InlineData("{\"type\":\"ping\",\"payload\":[]}", "Invalid message received: the ping payload must be an object")]
    public async Task Invalid_message_closes_with_4400(string message, string reason)
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SendRawAsync(message);

        Assert.Equal((4400, reason), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Message_over_the_request_size_limit_closes_with_1009()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.MaxRequestBytes = 1000).AddWebSocketTransport());
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("big", "{ answer }" + new string(' ', 2000));

        Assert.Equal((1009, "Message too big"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_message_larger_than_the_receive_buffer_is_read_whole_and_so_is_the_next_small_one()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        // A receive buffer is rented only once a message arrives, 512 bytes doubled as needed, and returned after it.
        await client.SubscribeAsync("big", "{ answer }" + new string(' ', 10_000));
        Assert.Equal("{\"data\":{\"answer\":42}}", JsonSerializer.Serialize((await client.ReceiveAsync()).GetProperty("payload")));
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SubscribeAsync("small", "{ answer }");
        var next = await client.ReceiveAsync();
        Assert.Equal("small", next.GetProperty("id").GetString());
        Assert.Equal("{\"data\":{\"answer\":42}}", JsonSerializer.Serialize(next.GetProperty("payload")));
    }

    [Fact]
    public async Task Subscription_streams_next_in_order_then_complete()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("s", "subscription ($n: Int!) { counter(count: $n) }", new { n = 3 });

        for (var i = 1; i <= 3; i++)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", next.GetProperty("type").GetString());
            Assert.Equal("s", next.GetProperty("id").GetString());
            Assert.Equal(i, next.GetProperty("payload").GetProperty("data").GetProperty("counter").GetInt32());
        }

        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("s", complete.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{ answer }", "{\"data\":{\"answer\":42}}")]
    [InlineData("mutation { increment(by: 2) }", "{\"data\":{\"increment\":3}}")]
    public async Task Query_or_mutation_sends_one_next_then_complete(string query, string payload)
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("q", query);

        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal(payload, JsonSerializer.Serialize(next.GetProperty("payload")));
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Validation_error_sends_error_with_the_errors()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("v", "{ nope }");

        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("v", error.GetProperty("id").GetString());
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", errors[0].GetProperty("extensions").GetProperty("code").GetString());

        // The id is free again: a new operation under it runs.
        await client.SubscribeAsync("v", "{ answer }");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Failing_source_sends_error_after_its_events()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("f", "subscription { failing }");

        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
        var error = await client.ReceiveAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("FEED_LOST", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Client_complete_disposes_the_stream_and_nothing_more_is_sent_for_it()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await client.SubscribeAsync("h", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SendAsync(new { type = "complete", id = "h" });
        await StreamingTestSubscription.Ended[key].Task.WaitAsync(TestContext.Current.CancellationToken);
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Operations_run_concurrently()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await client.SubscribeAsync("h", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("h", (await client.ReceiveAsync()).GetProperty("id").GetString());

        await client.SubscribeAsync("q", "{ answer }");

        var next = await client.ReceiveAsync();
        Assert.Equal(("next", "q"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Closing_the_connection_disposes_running_subscriptions()
    {
        await using var host = await WebSocketTestClient.StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await client.SubscribeAsync("h", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.CloseAsync();

        await StreamingTestSubscription.Ended[key].Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Options_that_are_not_positive_stop_the_host()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => WebSocketTestClient.StartHostAsync(o => o.ConnectionInitWaitTimeout = TimeSpan.Zero));
    }
}
