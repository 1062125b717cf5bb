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

namespace Voting.GraphQL.Server.WebSockets;

/// <summary>
/// What every GraphQL WebSocket protocol needs, whichever its messages: reading the client's messages in
/// order (with a size limit), running each operation concurrently through the request pipeline, sending
/// through one writer at a time (a WebSocket allows only one send in flight), and the close handshake.
/// A protocol (graphql-transport-ws, the legacy subscriptions-transport-ws) supplies its message handling.
/// </summary>
internal abstract class WebSocketConnection : IDisposable
{
    /// <summary>How long, after the server closes, the client has to answer with its close frame.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Most connections sit idle between small messages (a subscribe is a few hundred bytes), so the receive
    // buffer starts small, doubles only for a larger message, and one grown past MaxKeptReceiveBytes is
    // dropped once its message is handled: ten thousand idle connections must not hold 4 KB each.
    private const int InitialReceiveBytes = 512;
    private const int MaxKeptReceiveBytes = 4096;

    private readonly WebSocket _socket;
    private readonly GraphQLRequestExecutor _executor;
    private readonly int _maxMessageBytes;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>Operations, timers and sends: cancelled when either side closes or the client goes away.</summary>
    private readonly CancellationTokenSource _lifetime;

    /// <summary>The receive loop: outlives <see cref="_lifetime"/> by the close handshake.</summary>
    private readonly CancellationTokenSource _receive;

    private readonly List<Task> _running = [];
    private int _closed;

    protected WebSocketConnection(WebSocket socket, HttpContext context, GraphQLRequestExecutor executor, int maxMessageBytes, ILogger logger)
    {
        _socket = socket;
        Context = context;
        _executor = executor;
        _maxMessageBytes = maxMessageBytes;
        Logger = logger;
        _lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _receive = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    protected HttpContext Context { get; }

    protected ILogger Logger { get; }

    /// <summary>Cancelled when either side closes or the client goes away.</summary>
    protected CancellationToken Lifetime => _lifetime.Token;

    // Sized for the usual one or two operations of a connection, not the default 31 buckets per lock stripe.
    protected ConcurrentDictionary<string, Operation> Operations { get; } = new(concurrencyLevel: 1, capacity: 2, StringComparer.Ordinal);

    /// <summary>The type of the message carrying one result (<c>next</c>, or the legacy <c>data</c>).</summary>
    protected abstract string ResultMessageType { get; }

    /// <summary>The close code for a failure of the server's own.</summary>
    protected abstract int InternalErrorCloseCode { get; }

    public async Task RunAsync()
    {
        OnStarted();
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
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the protocol's own timers, before the first message is read.</summary>
    protected virtual void OnStarted()
    {
    }

    /// <summary>Handles one client message (its UTF-8 JSON); a failure of the server's own is logged and closes the connection.</summary>
    protected abstract Task HandleMessageAsync(ReadOnlyMemory<byte> utf8);

    protected abstract void LogFailure(Exception exception);

    /// <summary>Runs <paramref name="operation"/> off the receive loop: the client's next message must not wait for it.</summary>
    protected void Start(string id, GraphQLRequest request, Operation operation) =>
        Track(Task.Run(() => RunOperationAsync(id, request, operation)));

    /// <summary>The client ended an operation: cancel it; nothing more is sent for it.</summary>
    protected async Task StopAsync(string id)
    {
        if (Operations.TryRemove(id, out var operation))
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

    protected async Task KeepAliveAsync(TimeSpan interval, string messageType)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                await SendAsync(Message(messageType)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The connection ended.
        }
    }

    protected async Task SendAsync(ArrayBufferWriter<byte> message)
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
    protected async Task CloseAsync(int code, string reason)
    {
        try
        {
            await _sendLock.WaitAsync(Context.RequestAborted).ConfigureAwait(false);
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
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, Truncate(reason), Context.RequestAborted).ConfigureAwait(false);
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

    protected void Track(Task task)
    {
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    protected static ArrayBufferWriter<byte> Message(string type, string? id = null, Action<Utf8JsonWriter>? payload = null)
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

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(InitialReceiveBytes);
        while (true)
        {
            if (buffer.Capacity > MaxKeptReceiveBytes)
            {
                buffer = new ArrayBufferWriter<byte>(InitialReceiveBytes);
            }

            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.GetMemory(), _receive.Token).ConfigureAwait(false);
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
            await HandleMessageAsync(utf8).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The connection is closing; the message no longer matters.
        }
        catch (Exception e)
        {
            LogFailure(e);
            await CloseAsync(InternalErrorCloseCode, "Internal server error").ConfigureAwait(false);
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

            // The user as it is now: the upgrade request's, or the one OnConnect set from connection_init.
            var execution = _executor.CreateExecutionRequest(prepared.Document!, request, Context.RequestServices, Context.User);
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

                    await SendAsync(Message(ResultMessageType, id, w => ExecutionResultWriter.Write(w, result))).ConfigureAwait(false);
                }

                await EndAsync(id, operation, null).ConfigureAwait(false);
                return;
            }

            var response = await Executor.ExecuteAsync(execution, token).ConfigureAwait(false);
            if (response.HasData)
            {
                await SendAsync(Message(ResultMessageType, id, w => ExecutionResultWriter.Write(w, response))).ConfigureAwait(false);
                response = null;
            }

            await EndAsync(id, operation, response).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client ended the operation, or the connection is closing.
        }
        catch (WebSocketException)
        {
            // The client went away mid-send; the receive loop ends the connection.
        }
        catch (Exception e)
        {
            LogFailure(e);
            await CloseAsync(InternalErrorCloseCode, "Internal server error").ConfigureAwait(false);
        }
        finally
        {
            Operations.TryRemove(new KeyValuePair<string, Operation>(id, operation));
            operation.Cancellation.Dispose();
        }
    }

    /// <summary>
    /// Ends an operation with <c>error</c> (a request error's errors array) or <c>complete</c>. It leaves the table
    /// first, so the client may reuse the id as soon as it reads this; nothing is sent when the client ended it already.
    /// </summary>
    private async Task EndAsync(string id, Operation operation, ExecutionResult? requestError)
    {
        if (!Operations.TryRemove(new KeyValuePair<string, Operation>(id, operation)))
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

    /// <summary>The client closed: echo its close frame unless the server closed first.</summary>
    private async Task AnswerCloseAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _closed, 1) == 0 && _socket.State == WebSocketState.CloseReceived)
        {
            await _sendLock.WaitAsync(Context.RequestAborted).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Context.RequestAborted).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
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

    /// <summary>A running operation: cancelled when the client ends it or the connection closes.</summary>
    protected internal sealed record Operation(CancellationTokenSource Cancellation);
}
