using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
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
/// <remarks>
/// An idle connection is mostly what it keeps for its whole life (ADR 0026): one async frame accepts the socket,
/// reads, and cleans up; the operation table holds its usual single operation in fields; a subscription's
/// lifetime is its operation's own token source.
/// </remarks>
internal abstract class WebSocketConnection
{
    /// <summary>How long, after the server closes, the client has to answer with its close frame.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Most connections sit idle between small messages (a subscribe is a few hundred bytes): the receive loop
    // waits for a message with a zero-byte read, holding no buffer, and rents one from the pool only while a
    // message is read and handled, doubling it for a larger message.
    private const int InitialReceiveBytes = 512;

    /// <summary>The user of an operation on a connection nobody authenticated: one for all, never stored on a context.</summary>
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly GraphQLRequestExecutor _executor;
    private readonly int _maxMessageBytes;
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>
    /// Timers and sends: cancelled when either side closes or the receive loop ends (the client went away).
    /// Nothing links to it per operation: the connection cancels the operations of its table itself, and
    /// it links to no request token either, so an idle connection holds no callback registration of ours.
    /// </summary>
    private readonly CancellationTokenSource _lifetime = new();

    /// <summary>The tasks to await before the connection ends; also the lock of the operation table below.</summary>
    private readonly List<Task> _running = [];

    // The running operations by id. Most connections run one at a time: it stays in these two fields, and a
    // dictionary is made only for a second one at once (a ConcurrentDictionary was ~250 bytes per connection).
    private string? _firstId;
    private CancellationTokenSource? _firstOperation;
    private Dictionary<string, CancellationTokenSource>? _moreOperations;

    private WebSocket? _socket;
    private int _closed;

    /// <summary>1 while a frame is being sent: the lifetime's end aborts that send (<see cref="EndLifetime"/>).</summary>
    private int _sending;

    /// <summary>After the server's close frame: aborts the socket when the client does not answer in time.</summary>
    private Timer? _closeHandshake;

    protected WebSocketConnection(HttpContext context, GraphQLRequestExecutor executor, int maxMessageBytes, ILogger logger)
    {
        Context = context;
        _executor = executor;
        _maxMessageBytes = maxMessageBytes;
        Logger = logger;
    }

    protected HttpContext Context { get; }

    protected ILogger Logger { get; }

    /// <summary>Cancelled when either side closes or the client goes away.</summary>
    protected CancellationToken Lifetime => _lifetime.Token;

    /// <summary>The type of the message carrying one result (<c>next</c>, or the legacy <c>data</c>).</summary>
    protected abstract string ResultMessageType { get; }

    /// <summary>The close code for a failure of the server's own.</summary>
    protected abstract int InternalErrorCloseCode { get; }

    private WebSocket Socket => _socket ?? throw new InvalidOperationException("The WebSocket is not accepted yet.");

    /// <summary>
    /// Accepts the upgrade with <paramref name="subProtocol"/>, reads the client's messages in order until its close
    /// frame, and ends every operation. One frame for the connection's whole life: the accept, the receive loop and
    /// the clean-up are not split into methods that would each keep an awaiting frame.
    /// </summary>
    /// <remarks>
    /// No token on the reads: the client going away fails them, and after the server's close frame
    /// <see cref="_closeHandshake"/> aborts the socket if the client stays silent.
    /// </remarks>
    public async Task RunAsync(string subProtocol)
    {
        var socket = await Context.WebSockets.AcceptWebSocketAsync(subProtocol).ConfigureAwait(false);
        _socket = socket;
        try
        {
            OnStarted();
            while (true)
            {
                var result = await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync().ConfigureAwait(false);
                    return;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBytes);
                try
                {
                    var length = 0;
                    while (!result.EndOfMessage)
                    {
                        if (length == buffer.Length)
                        {
                            var grown = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            buffer.AsSpan(0, length).CopyTo(grown);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = grown;
                        }

                        result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).ConfigureAwait(false);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await AnswerCloseAsync().ConfigureAwait(false);
                            return;
                        }

                        length += result.Count;
                        if (length > _maxMessageBytes)
                        {
                            await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);
                            return;
                        }
                    }

                    // After the server's close frame only the client's close frame matters. The message is parsed into
                    // objects of its own before HandleAsync returns, so the buffer goes back to the pool after it.
                    if (Volatile.Read(ref _closed) == 0)
                    {
                        await HandleAsync(buffer.AsMemory(0, length)).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away, or did not finish the close handshake in time.
        }
        finally
        {
            // Every running operation is cancelled, and its response stream disposed, before the socket is.
            EndLifetime();
            await OnEndedAsync().ConfigureAwait(false);
            Task[] running;
            lock (_running)
            {
                running = [.. _running];
            }

            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            finally
            {
                _closeHandshake?.Dispose();
                _lifetime.Dispose();
                _sendLock.Dispose();
                socket.Dispose();
            }
        }
    }

    /// <summary>Starts the protocol's own timers, before the first message is read.</summary>
    protected virtual void OnStarted()
    {
    }

    /// <summary>Stops the protocol's own timers once the connection has ended, before its running tasks are awaited.</summary>
    protected virtual ValueTask OnEndedAsync() => ValueTask.CompletedTask;

    /// <summary>Handles one client message (its UTF-8 JSON); a failure of the server's own is logged and closes the connection.</summary>
    protected abstract Task HandleMessageAsync(ReadOnlyMemory<byte> utf8);

    protected abstract void LogFailure(Exception exception);

    /// <summary>
    /// Adds an operation under <paramref name="id"/> to the table; null when the id is taken. The operation is its
    /// token source: cancelled when the client ends it or the connection closes.
    /// </summary>
    protected CancellationTokenSource? TryAddOperation(string id)
    {
        var operation = new CancellationTokenSource();
        lock (_running)
        {
            if (_firstId == id || _moreOperations?.ContainsKey(id) == true)
            {
                operation.Dispose();
                return null;
            }

            if (_firstId is null)
            {
                (_firstId, _firstOperation) = (id, operation);
            }
            else
            {
                (_moreOperations ??= new(StringComparer.Ordinal)).Add(id, operation);
            }
        }

        // Added while the connection ended: EndLifetime may have walked the table before it.
        if (_lifetime.IsCancellationRequested)
        {
            operation.Cancel();
        }

        return operation;
    }

    /// <summary>Runs <paramref name="operation"/> off the receive loop: the client's next message must not wait for it.</summary>
    protected void Start(string id, GraphQLRequest request, CancellationTokenSource operation) => Track(RunOperationAsync(id, request, operation));

    /// <summary>The client ended an operation: cancel it; nothing more is sent for it.</summary>
    protected async Task StopAsync(string id)
    {
        if (TryRemoveOperation(id, expected: null, out var operation))
        {
            try
            {
                await operation.CancelAsync().ConfigureAwait(false);
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
                // Sent without a token: ManagedWebSocket takes its fast path (no registration, no fallback state machine) only
                // for a send that cannot be cancelled. The lifetime's end aborts a send in flight instead, as a cancelled token
                // would have (EndLifetime); the flag is raised before the lifetime is checked, and EndLifetime cancels before
                // it reads the flag, so one of the two always sees the other.
                Interlocked.Exchange(ref _sending, 1);
                try
                {
                    _lifetime.Token.ThrowIfCancellationRequested();
                    await Socket.SendAsync(message.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception aborted) when (aborted is not OperationCanceledException && _lifetime.IsCancellationRequested)
                {
                    throw new OperationCanceledException("The connection ended during the send.", aborted, _lifetime.Token);
                }
                finally
                {
                    Volatile.Write(ref _sending, 0);
                }
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

            EndLifetime();
            _closeHandshake = new Timer(static socket => ((WebSocket)socket!).Abort(), Socket, CloseHandshakeTimeout, Timeout.InfiniteTimeSpan);
            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, Truncate(reason), Context.RequestAborted).ConfigureAwait(false);
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

    /// <summary>Cancels the connection's lifetime and every operation in its table.</summary>
    private void EndLifetime()
    {
        _lifetime.Cancel();
        if (Volatile.Read(ref _sending) == 1)
        {
            // A send that may never finish (a client that stopped reading) must not hold the send lock for ever.
            _socket?.Abort();
        }

        foreach (var operation in OperationsNow())
        {
            try
            {
                operation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The operation finished (and disposed its token source) meanwhile.
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

    private async Task RunOperationAsync(string id, GraphQLRequest? request, CancellationTokenSource operation)
    {
        // Off the receive loop from here on, without a closure and a Task.Run wrapper per operation.
        await Task.Yield();
        var token = operation.Token;
        try
        {
            var prepared = await _executor.PrepareAsync(request!, viaGet: false, token).ConfigureAwait(false);
            if (prepared.Failure is { } failure)
            {
                await EndAsync(id, operation, failure.Result).ConfigureAwait(false);
                return;
            }

            // The user as it is now: the upgrade request's, or the one OnConnect set from connection_init. Reading
            // Context.User would make and keep an empty principal on the context when nobody set one.
            var user = Context.Features.Get<IHttpAuthenticationFeature>()?.User ?? Anonymous;
            var execution = _executor.CreateExecutionRequest(prepared.Document!, request!, Context.RequestServices, user);
            var isSubscription = Executor.GetOperation(prepared.Document!, request!.OperationName) is { Operation: OperationType.Subscription };

            // A parameter lives as long as the frame: the request (its query text) is not needed past this point.
            request = null;
            if (isSubscription)
            {
                // The subscription's lifetime is the operation's token source itself: no linked source, no registration.
                var subscription = await Executor.SubscribeAsync(execution, operation).ConfigureAwait(false);
                if (!subscription.IsStream)
                {
                    await EndAsync(id, operation, subscription.RequestError).ConfigureAwait(false);
                    return;
                }

                // The token already ends the response stream (Subscribe was given it): no second registration for the enumeration.
                await foreach (var result in subscription.Responses.ConfigureAwait(false))
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
            TryRemoveOperation(id, operation, out _);
            operation.Dispose();
        }
    }

    /// <summary>
    /// Ends an operation with <c>error</c> (a request error's errors array) or <c>complete</c>. It leaves the table
    /// first, so the client may reuse the id as soon as it reads this; nothing is sent when the client ended it already.
    /// </summary>
    private async Task EndAsync(string id, CancellationTokenSource operation, ExecutionResult? requestError)
    {
        if (!TryRemoveOperation(id, operation, out _))
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
        EndLifetime();
        if (Interlocked.Exchange(ref _closed, 1) == 0 && Socket.State == WebSocketState.CloseReceived)
        {
            await _sendLock.WaitAsync(Context.RequestAborted).ConfigureAwait(false);
            try
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Context.RequestAborted).ConfigureAwait(false);
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

    /// <summary>Takes <paramref name="id"/> out of the table: any operation under it, or only <paramref name="expected"/>.</summary>
    private bool TryRemoveOperation(string id, CancellationTokenSource? expected, [NotNullWhen(true)] out CancellationTokenSource? operation)
    {
        lock (_running)
        {
            if (_firstId == id && (expected is null || _firstOperation == expected))
            {
                operation = _firstOperation!;
                (_firstId, _firstOperation) = (null, null);
                return true;
            }

            if (_moreOperations is { } more && more.TryGetValue(id, out operation) && (expected is null || operation == expected))
            {
                more.Remove(id);
                return true;
            }
        }

        operation = null;
        return false;
    }

    private List<CancellationTokenSource> OperationsNow()
    {
        lock (_running)
        {
            var operations = new List<CancellationTokenSource>((_firstOperation is null ? 0 : 1) + (_moreOperations?.Count ?? 0));
            if (_firstOperation is not null)
            {
                operations.Add(_firstOperation);
            }

            if (_moreOperations is { } more)
            {
                operations.AddRange(more.Values);
            }

            return operations;
        }
    }
}
