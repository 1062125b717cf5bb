using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Voting.WebApi.Tests.Support;

/// <summary>A graphql-transport-ws client over the test server's WebSocket: init, subscribe, read messages.</summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private GraphQLWebSocketClient(WebSocket socket) => _socket = socket;

    /// <summary>Connects to <c>/graphql</c> and completes the handshake, anonymously unless <paramref name="accessToken"/> is given.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string? accessToken = null)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "graphql"), TestContext.Current.CancellationToken);
        var connection = new GraphQLWebSocketClient(socket);
        object init = accessToken is null
            ? new { type = "connection_init" }
            : new { type = "connection_init", payload = new { Authorization = $"Bearer {accessToken}" } };
        await connection.SendAsync(init);
        Assert.Equal("connection_ack", (await connection.ReceiveAsync()).GetProperty("type").GetString());
        return connection;
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message; fails when the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;

        // A liveness bound, not a timing check: a message that never comes fails the test with this, not a hang.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        do
        {
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), patience.Token);
            Assert.True(result.MessageType != WebSocketMessageType.Close, $"The server closed: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
            length += result.Count;
        }
        while (!result.EndOfMessage);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
        return document.RootElement.Clone();
    }

    /// <summary>The payload of the next <c>next</c> message of subscription <paramref name="id"/>, skipping pings.</summary>
    public async Task<JsonElement> NextAsync(string id)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            var type = message.GetProperty("type").GetString();
            if (type is "ping" or "pong")
            {
                continue;
            }

            Assert.Equal((id, "next"), (message.GetProperty("id").GetString(), type));
            return message.GetProperty("payload");
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task SendAsync(object message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);
}
