using System.Text.Json;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Server.WebSockets;
using Voting.GraphQL.Server.WebSockets.Legacy;

namespace Voting.GraphQL.Tests.Server.WebSockets.Legacy;

public sealed class SubscriptionsTransportWsTests
{
    [Fact]
    public async Task Upgrade_offering_graphql_ws_selects_it()
    {
        await using var host = await StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, "other", SubscriptionsTransportWsTransport.SubProtocol);

        Assert.Equal(SubscriptionsTransportWsTransport.SubProtocol, client.SubProtocol);
    }

    [Fact]
    public async Task Beside_the_new_transport_each_subprotocol_gets_its_own()
    {
        await using var host = await GraphQLTestHost.StartAsync(s =>
            s.AddSubscriptionType<StreamingTestSubscription>().AddWebSocketTransport().AddLegacyWebSocketTransport());
        await using var legacy = await WebSocketTestClient.ConnectAsync(host, SubscriptionsTransportWsTransport.SubProtocol);
        await using var current = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);

        Assert.Equal(SubscriptionsTransportWsTransport.SubProtocol, legacy.SubProtocol);
        Assert.Equal(GraphQLTransportWsTransport.SubProtocol, current.SubProtocol);
    }

    [Fact]
    public async Task Connection_init_is_acknowledged_then_ka_follows()
    {
        await using var host = await StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, SubscriptionsTransportWsTransport.SubProtocol);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "t" } });

        Assert.Equal("connection_ack", Type(await client.ReceiveAsync()));
        Assert.Equal("ka", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Keep_alive_repeats_ka()
    {
        await using var host = await StartHostAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(10));
        await using var client = await ConnectAndInitAsync(host);

        Assert.Equal("ka", Type(await client.ReceiveAsync()));
        Assert.Equal("ka", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Without_keep_alive_no_ka_is_sent()
    {
        await using var host = await StartHostAsync(o => o.KeepAliveInterval = null);
        await using var client = await WebSocketTestClient.ConnectAsync(host, SubscriptionsTransportWsTransport.SubProtocol);
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", Type(await client.ReceiveAsync()));

        await client.SendAsync(new { id = "q", type = "start", payload = new { query = "{ answer }" } });

        Assert.Equal("data", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task OnConnect_sees_the_payload_and_refusing_sends_connection_error_then_closes()
    {
        object? token = null;
        await using var host = await StartHostAsync(o => o.OnConnect = (_, payload) =>
        {
            token = payload?["token"];
            return ValueTask.FromResult(false);
        });
        await using var client = await WebSocketTestClient.ConnectAsync(host, SubscriptionsTransportWsTransport.SubProtocol);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "secret" } });

        var error = await client.ReceiveAsync();
        Assert.Equal("connection_error", Type(error));
        Assert.Equal("Forbidden", error.GetProperty("payload").GetProperty("message").GetString());
        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
        Assert.Equal("secret", token);
    }

    [Fact]
    public async Task OnConnect_that_throws_sends_connection_error_then_closes_with_1011()
    {
        await using var host = await StartHostAsync(o => o.OnConnect = (_, _) => throw new InvalidOperationException("broken"));
        await using var client = await WebSocketTestClient.ConnectAsync(host, SubscriptionsTransportWsTransport.SubProtocol);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal("connection_error", Type(await client.ReceiveAsync()));
        Assert.Equal((1011, "Internal server error"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Start_before_ack_sends_error_and_keeps_the_connection()
    {
        await using var host = await StartHostAsync(o => o.KeepAliveInterval = null);
        await using var client = await WebSocketTestClient.ConnectAsync(host, SubscriptionsTransportWsTransport.SubProtocol);

        await StartAsync(client, "early", "{ answer }");

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "early"), (Type(error), error.GetProperty("id").GetString()));
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", Type(await client.ReceiveAsync()));
    }

    [Theory]
    [InlineData("not json", "Message must be JSON-parseable.")]
    [InlineData("{\"type\":\"\\ud800\"}", "Message must be JSON-parseable.")]
    [InlineData("[1]", "A message is an object with a string \"type\".")]
    [InlineData("{\"type\":\"data\",\"id\":\"1\"}", "Invalid message type \"data\".")]
    [InlineData("{\"type\":\"start\",\"payload\":{\"query\":\"{ answer }\"}}", "start needs a non-empty string \"id\".")]
    [InlineData("{\"type\":\"start\",\"id\":\"1\"}", "start needs a payload object.")]
    [InlineData("{\"type\":\"start\",\"id\":\"1\",\"payload\":{\"query\":1}}", "The start payload has a field of the wrong type.")]
    [InlineData("{\"type\":\"stop\"}", "stop needs a non-empty string \"id\".")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":[]}", "The connection_init payload must be an object.")]
    public async Task Invalid_message_sends_error_and_keeps_the_connection(string message, string reason)
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendRawAsync(message);

        var error = await client.ReceiveAsync();
        Assert.Equal("error", Type(error));
        Assert.Equal(reason, error.GetProperty("payload").GetProperty("message").GetString());
        await StartAsync(client, "after", "{ answer }");
        Assert.Equal("data", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Subscription_sends_data_in_order_then_complete()
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);

        await StartAsync(client, "s", "subscription ($n: Int!) { counter(count: $n) }", new { n = 3 });

        for (var i = 1; i <= 3; i++)
        {
            var data = await client.ReceiveAsync();
            Assert.Equal(("data", "s"), (Type(data), data.GetProperty("id").GetString()));
            Assert.Equal(i, data.GetProperty("payload").GetProperty("data").GetProperty("counter").GetInt32());
        }

        var complete = await client.ReceiveAsync();
        Assert.Equal(("complete", "s"), (Type(complete), complete.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("{ answer }", "{\"data\":{\"answer\":42}}")]
    [InlineData("mutation { increment(by: 2) }", "{\"data\":{\"increment\":3}}")]
    public async Task Query_or_mutation_sends_one_data_then_complete(string query, string payload)
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);

        await StartAsync(client, "q", query);

        var data = await client.ReceiveAsync();
        Assert.Equal("data", Type(data));
        Assert.Equal(payload, JsonSerializer.Serialize(data.GetProperty("payload")));
        Assert.Equal("complete", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Validation_error_sends_error_with_the_errors()
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);

        await StartAsync(client, "v", "{ nope }");

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "v"), (Type(error), error.GetProperty("id").GetString()));
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Failing_source_sends_error_after_its_data()
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);

        await StartAsync(client, "f", "subscription { failing }");

        Assert.Equal("data", Type(await client.ReceiveAsync()));
        var error = await client.ReceiveAsync();
        Assert.Equal("error", Type(error));
        Assert.Equal("FEED_LOST", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stop_disposes_the_stream_and_nothing_more_is_sent_for_it()
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await StartAsync(client, "h", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("data", Type(await client.ReceiveAsync()));

        await client.SendAsync(new { type = "stop", id = "h" });
        await StreamingTestSubscription.Ended[key].Task.WaitAsync(TestContext.Current.CancellationToken);
        await StartAsync(client, "q", "{ answer }");

        var next = await client.ReceiveAsync();
        Assert.Equal(("data", "q"), (Type(next), next.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Start_under_a_running_id_replaces_the_operation()
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await StartAsync(client, "a", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("data", Type(await client.ReceiveAsync()));

        await StartAsync(client, "a", "{ answer }");

        await StreamingTestSubscription.Ended[key].Task.WaitAsync(TestContext.Current.CancellationToken);
        var data = await client.ReceiveAsync();
        Assert.Equal(42, data.GetProperty("payload").GetProperty("data").GetProperty("answer").GetInt32());
        Assert.Equal("complete", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Connection_terminate_closes_and_disposes_running_subscriptions()
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await StartAsync(client, "h", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("data", Type(await client.ReceiveAsync()));

        await client.SendAsync(new { type = "connection_terminate" });

        Assert.Equal((1000, string.Empty), await client.ReceiveCloseAsync());
        await StreamingTestSubscription.Ended[key].Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Closing_the_connection_disposes_running_subscriptions()
    {
        await using var host = await StartHostAsync();
        await using var client = await ConnectAndInitAsync(host);
        var key = Guid.NewGuid().ToString();
        await StartAsync(client, "h", $"subscription {{ held(key: \"{key}\") }}");
        Assert.Equal("data", Type(await client.ReceiveAsync()));

        await client.CloseAsync();

        await StreamingTestSubscription.Ended[key].Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Message_over_the_request_size_limit_closes_with_1009()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.MaxRequestBytes = 1000).AddLegacyWebSocketTransport());
        await using var client = await ConnectAndInitAsync(host);

        await StartAsync(client, "big", "{ answer }" + new string(' ', 2000));

        Assert.Equal((1009, "Message too big"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Keep_alive_that_is_not_positive_stops_the_host()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(o => o.KeepAliveInterval = TimeSpan.Zero));
    }

    private static Task<GraphQLTestHost> StartHostAsync(Action<LegacyWebSocketTransportOptions>? configure = null) =>
        GraphQLTestHost.StartAsync(s => s.AddSubscriptionType<StreamingTestSubscription>().AddLegacyWebSocketTransport(configure));

    /// <summary>Connects with graphql-ws and completes the handshake (init, ack, and the first ka).</summary>
    private static async Task<WebSocketTestClient> ConnectAndInitAsync(GraphQLTestHost host)
    {
        var client = await WebSocketTestClient.ConnectAsync(host, SubscriptionsTransportWsTransport.SubProtocol);
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", Type(await client.ReceiveAsync()));
        Assert.Equal("ka", Type(await client.ReceiveAsync()));
        return client;
    }

    private static Task StartAsync(WebSocketTestClient client, string id, string query, object? variables = null) =>
        client.SendAsync(new { id, type = "start", payload = new { query, variables } });

    private static string? Type(JsonElement message) => message.GetProperty("type").GetString();
}
