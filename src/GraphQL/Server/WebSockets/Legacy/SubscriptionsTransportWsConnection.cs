using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Server.WebSockets.Legacy;

/// <summary>
/// One subscriptions-transport-ws connection: reads the client's messages in order, runs each operation
/// concurrently, and sends through one writer at a time (a WebSocket allows only one send in flight).
/// </summary>
internal sealed partial class SubscriptionsTransportWsConnection : IDisposable
{
    /// <summary>How long, after the server closes, the client has to answer with its close frame.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly GraphQLRequestExecutor _executor;
    private readonly LegacyWebSocketTransportOptions _options;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>Operations, timers and sends: cancelled when either side closes or the client goes away.</summary>
    private readonly CancellationTokenSource _lifetime;

    /// <summary>The receive loop: outlives <see cref="_lifetime"/> by the close handshake.</summary>
    private readonly CancellationTokenSource _receive;

    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly List<Task> _running = [];
    private volatile bool _acknowledged;
    private int _keepingAlive;
    private int _closed;

    public SubscriptionsTransportWsConnection(WebSocket socket, HttpContext context, GraphQLRequestExecutor executor, LegacyWebSocketTransportOptions options, int maxMessageBytes, ILogger logger)
    {
        _socket = socket;
        _context = context;
        _executor = executor;
        _options = options;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _receive = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    public async Task RunAsync()
    {
        try
        {
            await ReceiveAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away, or did not finish the close handshake in time.
        }
        finally
        {
            // Every running operation is cancelled, and its response stream disposed, before the socket is.
            await _lifetime.CancelAsync().ConfigureAwait(false);
            Task[] running;
            lock (_running)
            {
                running = [.. _running];
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _lifetime.Dispose();
        _receive.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _receive.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync().ConfigureAwait(false);
                    return;
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > _maxMessageBytes)
                {
                    await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);
                    return;
                }
            }
            while (!result.EndOfMessage);

            // After the server's close frame only the client's close frame matters.
            if (Volatile.Read(ref _closed) == 0)
            {
                await HandleAsync(buffer.WrittenMemory).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> utf8)
    {
        try
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
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The connection is closing; the message no longer matters.
        }
        catch (Exception e)
        {
            LogConnectionFailed(_logger, e);
            await CloseAsync((int)WebSocketCloseStatus.InternalServerError, "Internal server error").ConfigureAwait(false);
        }
    }

    /// <summary>Every connection_init runs OnConnect; the reference server does the same, so a client may re-authenticate.</summary>
    private async Task InitAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        bool accepted;
        try
        {
            accepted = _options.OnConnect is not { } onConnect || await onConnect(_context, payload).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogConnectionFailed(_logger, e);
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
        if (_options.KeepAliveInterval is { } interval && Interlocked.Exchange(ref _keepingAlive, 1) == 0)
        {
            // The first ka right after the ack tells the client to expect them, and start its own timer.
            await SendAsync(Message("ka")).ConfigureAwait(false);
            Track(KeepAliveAsync(interval));
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
        var operation = new Operation(CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token));

        // Only the receive loop adds operations, and it removed this id a moment ago; the replaced operation's own
        // clean-up removes only its own entry, so it cannot take this one out.
        _operations[id] = operation;

        // Off the receive loop: the client's next message (a stop, another start) must not wait for this operation.
        Track(Task.Run(() => RunOperationAsync(id, request, operation)));
    }

    private async Task StopAsync(string id)
    {
        if (_operations.TryRemove(id, out var operation))
        {
            try
            {
                await operation.Cancellation.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The operation finished (and disposed its token source) while the client stopped it.
            }
        }
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, Operation operation)
    {
        var token = operation.Cancellation.Token;
        try
        {
            var prepared = await _executor.PrepareAsync(request, viaGet: false, token).ConfigureAwait(false);
            if (prepared.Failure is { } failure)
            {
                await EndAsync(id, operation, failure.Result).ConfigureAwait(false);
                return;
            }

            var execution = _executor.CreateExecutionRequest(prepared.Document!, request, _context.RequestServices);
            if (Executor.GetOperation(prepared.Document!, request.OperationName) is { Operation: OperationType.Subscription })
            {
                var subscription = await Executor.SubscribeAsync(execution, token).ConfigureAwait(false);
                if (!subscription.IsStream)
                {
                    await EndAsync(id, operation, subscription.RequestError).ConfigureAwait(false);
                    return;
                }

                await foreach (var result in subscription.Responses.WithCancellation(token).ConfigureAwait(false))
                {
                    // A result without data is the source stream's failure, its last result.
                    if (!result.HasData)
                    {
                        await EndAsync(id, operation, result).ConfigureAwait(false);
                        return;
                    }

                    await SendAsync(Message("data", id, w => ExecutionResultWriter.Write(w, result))).ConfigureAwait(false);
                }

                await EndAsync(id, operation, null).ConfigureAwait(false);
                return;
            }

            var response = await Executor.ExecuteAsync(execution, token).ConfigureAwait(false);
            if (response.HasData)
            {
                await SendAsync(Message("data", id, w => ExecutionResultWriter.Write(w, response))).ConfigureAwait(false);
                response = null;
            }

            await EndAsync(id, operation, response).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client stopped the operation, or the connection is closing.
        }
        catch (WebSocketException)
        {
            // The client went away mid-send; the receive loop ends the connection.
        }
        catch (Exception e)
        {
            LogConnectionFailed(_logger, e);
            await CloseAsync((int)WebSocketCloseStatus.InternalServerError, "Internal server error").ConfigureAwait(false);
        }
        finally
        {
            _operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            operation.Cancellation.Dispose();
        }
    }

    /// <summary>
    /// Ends an operation with <c>error</c> (a request error's errors array; the client ends the operation on it) or
    /// <c>complete</c>. Nothing is sent when the client stopped it already.
    /// </summary>
    private async Task EndAsync(string id, Operation operation, ExecutionResult? requestError)
    {
        if (!_operations.TryRemove(new KeyValuePair<string, Operation>(id, operation)))
        {
            return;
        }

        var message = requestError is null
            ? Message("complete", id)
            : Message("error", id, w =>
            {
                w.WriteStartArray();
                foreach (var error in requestError.Errors)
                {
                    ExecutionResultWriter.WriteError(w, error);
                }

                w.WriteEndArray();
            });
        await SendAsync(message).ConfigureAwait(false);
    }

    private async Task KeepAliveAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                await SendAsync(Message("ka")).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The connection ended.
        }
    }

    private async Task SendAsync(ArrayBufferWriter<byte> message)
    {
        await _sendLock.WaitAsync(_lifetime.Token).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _closed) == 0)
            {
                await _socket.SendAsync(message.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the close frame once, ends every operation, and gives the client a while to answer it.</summary>
    private async Task CloseAsync(int code, string reason)
    {
        try
        {
            await _sendLock.WaitAsync(_context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return;
            }

            await _lifetime.CancelAsync().ConfigureAwait(false);
            _receive.CancelAfter(CloseHandshakeTimeout);
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, Truncate(reason), _context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client is gone already.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The client closed: echo its close frame unless the server closed first.</summary>
    private async Task AnswerCloseAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _closed, 1) == 0 && _socket.State == WebSocketState.CloseReceived)
        {
            await _sendLock.WaitAsync(_context.RequestAborted).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
    }

    private void Track(Task task)
    {
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    private static void WriteMessagePayload(Utf8JsonWriter writer, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

    private static ArrayBufferWriter<byte> Message(string type, string? id = null, Action<Utf8JsonWriter>? payload = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", type);
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        if (payload is not null)
        {
            writer.WritePropertyName("payload");
            payload(writer);
        }

        writer.WriteEndObject();
        writer.Flush();
        return buffer;
    }

    /// <summary>A close reason is at most 123 bytes of UTF-8 (RFC 6455 5.5: control frames carry 125 bytes, 2 are the code).</summary>
    private static string Truncate(string reason)
    {
        while (Encoding.UTF8.GetByteCount(reason) > 123)
        {
            reason = reason[..^1];
        }

        return reason;
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "A subscriptions-transport-ws connection failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);

    private sealed record Operation(CancellationTokenSource Cancellation);
}
