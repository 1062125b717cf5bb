using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Voting.GraphQL.Server.WebSockets.Legacy;

/// <summary>
/// One subscriptions-transport-ws connection: the legacy protocol's messages over the shared
/// <see cref="WebSocketConnection"/> (ordered reads, concurrent operations, one writer at a time).
/// </summary>
internal sealed partial class SubscriptionsTransportWsConnection(
    HttpContext context,
    GraphQLRequestExecutor executor,
    LegacyWebSocketTransportOptions options,
    int maxMessageBytes,
    ILogger logger) : WebSocketConnection(context, executor, maxMessageBytes, logger)
{
    private volatile bool _acknowledged;
    private int _keepingAlive;

    protected override string ResultMessageType => "data";

    protected override int InternalErrorCloseCode => (int)WebSocketCloseStatus.InternalServerError;

    protected override async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        // The protocol keeps the connection on a bad message and answers it with error (GQL_ERROR).
        if (LegacyClientMessage.Parse(utf8, out var badId, out var problem) is not { } message)
        {
            await SendAsync(Message("error", badId, w => WriteMessagePayload(w, problem))).ConfigureAwait(false);
            return;
        }

        switch (message.Type)
        {
            case LegacyClientMessage.ConnectionInit:
                await InitAsync(message.Payload).ConfigureAwait(false);
                break;
            case LegacyClientMessage.Start:
                await StartAsync(message.Id!, message.Request!).ConfigureAwait(false);
                break;
            case LegacyClientMessage.Stop:
                // The client forgets the operation when it sends stop, so nothing more is sent for it.
                await StopAsync(message.Id!).ConfigureAwait(false);
                break;
            case LegacyClientMessage.ConnectionTerminate:
                await CloseAsync((int)WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
                break;
        }
    }

    protected override void LogFailure(Exception exception) => LogConnectionFailed(Logger, exception);

    /// <summary>Every connection_init runs OnConnect; the reference server does the same, so a client may re-authenticate.</summary>
    private async Task InitAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        bool accepted;
        try
        {
            accepted = options.OnConnect is not { } onConnect || await onConnect(Context, payload).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogConnectionFailed(Logger, e);
            await RefuseAsync((int)WebSocketCloseStatus.InternalServerError, "Internal server error").ConfigureAwait(false);
            return;
        }

        if (!accepted)
        {
            await RefuseAsync(CloseCodes.Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        _acknowledged = true;
        await SendAsync(Message("connection_ack")).ConfigureAwait(false);
        if (options.KeepAliveInterval is { } interval && Interlocked.Exchange(ref _keepingAlive, 1) == 0)
        {
            // The first ka right after the ack tells the client to expect them, and start its own timer.
            await SendAsync(Message("ka")).ConfigureAwait(false);
            Track(KeepAliveAsync(interval, "ka"));
        }
    }

    private async Task RefuseAsync(int code, string reason)
    {
        await SendAsync(Message("connection_error", payload: w => WriteMessagePayload(w, reason))).ConfigureAwait(false);
        await CloseAsync(code, reason).ConfigureAwait(false);
    }

    private async Task StartAsync(string id, GraphQLRequest request)
    {
        if (!_acknowledged)
        {
            await SendAsync(Message("error", id, w => WriteMessagePayload(w, "connection_init must be acknowledged before start."))).ConfigureAwait(false);
            return;
        }

        // A start under the id of a running operation replaces it, as the reference server does.
        await StopAsync(id).ConfigureAwait(false);

        // Only the receive loop adds operations, and it removed this id a moment ago; the replaced operation's own
        // clean-up removes only its own entry, so it cannot take this one out.
        var operation = TryAddOperation(id) ?? throw new InvalidOperationException($"Operation {id} is still in the table after it was stopped.");
        Start(id, request, operation);
    }

    private static void WriteMessagePayload(Utf8JsonWriter writer, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "A subscriptions-transport-ws connection failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);
}
