using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Voting.GraphQL.Server.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: the protocol's messages and close codes over the shared
/// <see cref="WebSocketConnection"/> (ordered reads, concurrent operations, one writer at a time).
/// </summary>
internal sealed partial class GraphQLTransportWsConnection(
    HttpContext context,
    GraphQLRequestExecutor executor,
    WebSocketTransportOptions options,
    int maxMessageBytes,
    ILogger logger) : WebSocketConnection(context, executor, maxMessageBytes, logger)
{
    private int _initReceived;
    private volatile bool _acknowledged;

    // A timer rather than an awaited delay: once connection_init arrives nothing of it is left on the connection.
    private Timer? _initTimeout;

    protected override string ResultMessageType => "next";

    protected override int InternalErrorCloseCode => CloseCodes.InternalServerError;

    protected override void OnStarted()
    {
        _initTimeout = new Timer(static connection => ((GraphQLTransportWsConnection)connection!).InitTimedOut(), this, options.ConnectionInitWaitTimeout, Timeout.InfiniteTimeSpan);
        if (options.KeepAliveInterval is { } interval)
        {
            Track(KeepAliveAsync(interval, "ping"));
        }
    }

    protected override async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        if (ClientMessage.Parse(utf8, out var problem) is not { } message)
        {
            await CloseAsync(CloseCodes.BadRequest, problem).ConfigureAwait(false);
            return;
        }

        switch (message.Type)
        {
            case ClientMessage.ConnectionInit:
                await InitAsync(message.Payload).ConfigureAwait(false);
                break;
            case ClientMessage.Ping:
                await SendAsync(Message("pong")).ConfigureAwait(false);
                break;
            case ClientMessage.Pong:
                break;
            case ClientMessage.Subscribe:
                await SubscribeAsync(message.Id!, message.Request!).ConfigureAwait(false);
                break;
            case ClientMessage.Complete:
                await StopAsync(message.Id!).ConfigureAwait(false);
                break;
        }
    }

    protected override void LogFailure(Exception exception) => LogConnectionFailed(Logger, exception);

    private async Task InitAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests").ConfigureAwait(false);
            return;
        }

        await DisposeInitTimeoutAsync().ConfigureAwait(false);

        if (options.OnConnect is { } onConnect && !await onConnect(Context, payload).ConfigureAwait(false))
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden").ConfigureAwait(false);
            return;
        }

        _acknowledged = true;
        await SendAsync(Message("connection_ack")).ConfigureAwait(false);
    }

    private async Task SubscribeAsync(string id, GraphQLRequest request)
    {
        if (!_acknowledged)
        {
            await CloseAsync(CloseCodes.Unauthorized, "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (TryAddOperation(id) is not { } operation)
        {
            await CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists").ConfigureAwait(false);
            return;
        }

        Start(id, request, operation);
    }

    // Once the connection has ended the timer cannot fire any more: OnEndedAsync waits for a callback under way.
    protected override ValueTask OnEndedAsync() => DisposeInitTimeoutAsync();

    private void InitTimedOut()
    {
        if (Volatile.Read(ref _initReceived) == 0 && !Lifetime.IsCancellationRequested)
        {
            Track(CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout"));
        }
    }

    private ValueTask DisposeInitTimeoutAsync() => Interlocked.Exchange(ref _initTimeout, null)?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "A graphql-transport-ws connection failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);
}
