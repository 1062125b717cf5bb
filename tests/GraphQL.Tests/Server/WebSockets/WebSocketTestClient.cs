using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Server;
using Voting.GraphQL.Server.WebSockets;

namespace Voting.GraphQL.Tests.Server.WebSockets;

/// <summary>A raw WebSocket to the test host's <c>/graphql</c>, speaking JSON messages.</summary>
internal sealed class WebSocketTestClient : IAsyncDisposable
{
    private readonly WebSocket _socket;

    private WebSocketTestClient(WebSocket socket) => _socket = socket;

    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>A host with <see cref="StreamingTestSubscription"/> and the transport.</summary>
    public static Task<GraphQLTestHost> StartHostAsync(Action<WebSocketTransportOptions>? configure = null) =>
        GraphQLTestHost.StartAsync(s => s.AddSubscriptionType<StreamingTestSubscription>().AddWebSocketTransport(configure));

    public static async Task<WebSocketTestClient> ConnectAsync(GraphQLTestHost host, params string[] subProtocols)
    {
        var server = (TestServer)host.Services.GetRequiredService<IServer>();
        var client = server.CreateWebSocketClient();
        foreach (var protocol in subProtocols)
        {
            client.SubProtocols.Add(protocol);
        }

        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), TestContext.Current.CancellationToken);
        return new WebSocketTestClient(socket);
    }

    /// <summary>Connects with graphql-transport-ws and completes the handshake (init, ack).</summary>
    public static async Task<WebSocketTestClient> ConnectAndInitAsync(GraphQLTestHost host)
    {
        var client = await ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);
        await client.SendAsync(new { type = "connection_init" });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.Serialize(message));

    public Task SendRawAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, TestContext.Current.CancellationToken);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message; fails when the server closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var text = await ReceiveTextAsync();
        Assert.True(text is not null, $"The server closed: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Reads until the server's close frame; its code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        while (await ReceiveTextAsync() is { } text)
        {
            Assert.Fail($"Expected the server to close, got {text}");
        }

        return ((int)_socket.CloseStatus!.Value, _socket.CloseStatusDescription);
    }

    public Task CloseAsync() => _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string?> ReceiveTextAsync()
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), TestContext.Current.CancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
