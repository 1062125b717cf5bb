using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// One socket to the server, shared by any number of concurrent callers. A caller encodes its command into the
/// outbound pipe and enqueues its <see cref="PendingCommand"/> under one lock, so the order of commands on the wire
/// and in the queue is the same; a writer loop sends whatever has accumulated in one write (pipelining without
/// waiting), and a reader loop parses replies and completes the queue's head, in order (RESP replies are FIFO).
/// When the socket fails, every queued and in-flight command fails at once with <see cref="RedisConnectionException"/>.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lock _writeLock = new();
    private readonly ConcurrentQueue<PendingCommand> _pending = new();
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly Pipe _outbound;
    private readonly PipeReader _inbound;
    private readonly Func<RedisReply, bool>? _outOfBand;
    private readonly Action<RedisConnection, Exception>? _closed;
    private readonly long _commandTimeoutMs;
    private readonly Timer _timeouts;
    private bool _isClosed;
    private Task _readLoop = Task.CompletedTask;
    private Task _writeLoop = Task.CompletedTask;

    private RedisConnection(RedisOptions options, Socket socket, Stream stream, Func<RedisReply, bool>? outOfBand, Action<RedisConnection, Exception>? closed)
    {
        Endpoint = $"{options.Host}:{options.Port}";
        _socket = socket;
        _stream = stream;
        _outOfBand = outOfBand;
        _closed = closed;
        _commandTimeoutMs = (long)options.CommandTimeout.TotalMilliseconds;

        // No writer pause: callers write under a lock and must never wait there. The queue is bounded in practice by the
        // command timeout, after which callers stop waiting for replies they can no longer use.
        _outbound = new Pipe(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 16 * 1024, useSynchronizationContext: false));
        _inbound = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true));
        var period = Math.Clamp(_commandTimeoutMs / 4, 10, 250);
        _timeouts = new Timer(static state => ((RedisConnection)state!).FailTimedOut(), this, period, period);
    }

    public string Endpoint { get; }

    /// <summary>2 or 3: what HELLO agreed.</summary>
    public int ProtocolVersion { get; private set; } = 2;

    public bool IsClosed
    {
        get
        {
            lock (_writeLock)
            {
                return _isClosed;
            }
        }
    }

    /// <summary>
    /// Opens a socket (and TLS), then runs the handshake: <c>HELLO 3</c> with AUTH and SETNAME (falling back to RESP2's
    /// AUTH and CLIENT SETNAME when the server refuses HELLO), then SELECT. <paramref name="outOfBand"/> sees each reply
    /// first and returns true for those that answer no command (pub/sub messages); <paramref name="closed"/> runs once
    /// when the connection fails or is disposed.
    /// </summary>
    public static async Task<RedisConnection> ConnectAsync(
        RedisOptions options,
        Func<RedisReply, bool>? outOfBand,
        Action<RedisConnection, Exception>? closed,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        RedisConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(TlsOptions(options), timeout.Token).ConfigureAwait(false);
            }

            connection = new RedisConnection(options, socket, stream, outOfBand, closed);
            connection.Start();
            await connection.HandshakeAsync(options, timeout.Token).ConfigureAwait(false);
            return connection;
        }
        catch (Exception exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                socket.Dispose();
            }

            var endpoint = $"{options.Host}:{options.Port}";
            throw exception switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
                OperationCanceledException => new RedisConnectionException($"Connecting to {endpoint} timed out after {options.ConnectTimeout.TotalMilliseconds} ms."),
                RedisException => exception,
                SocketException or IOException or AuthenticationException or ObjectDisposedException =>
                    new RedisConnectionException($"Could not connect to {endpoint}: {exception.Message}", exception),
                _ => exception,
            };
        }
    }

    /// <summary>Writes a command and returns its reply, converted on arrival. Never throws: failures come through the task.</summary>
    public ValueTask<T> SendAsync<T>(RespCommand command, ReadOnlySpan<RedisValue> arguments, Func<RedisReply, T> convert, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        Send(command, arguments, convert, cancellationToken, timeout);

    /// <summary>A command whose name is the first of <paramref name="nameAndArguments"/>.</summary>
    public ValueTask<T> SendAsync<T>(ReadOnlySpan<RedisValue> nameAndArguments, Func<RedisReply, T> convert, CancellationToken cancellationToken) =>
        Send(null, nameAndArguments, convert, cancellationToken, null);

    public async ValueTask DisposeAsync()
    {
        Close(new RedisConnectionException($"The connection to {Endpoint} was closed by the client."));
        await Task.WhenAll(_readLoop, _writeLoop).ConfigureAwait(false);
        await _timeouts.DisposeAsync().ConfigureAwait(false);
    }

    private static SslClientAuthenticationOptions TlsOptions(RedisOptions options)
    {
        var tls = new SslClientAuthenticationOptions { TargetHost = options.SslHost ?? options.Host };
        if (options.TrustedCertificateAuthorities is { Count: > 0 } roots)
        {
            // Trust only these roots; SslStream still refuses a certificate whose name does not match TargetHost.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            tls.CertificateChainPolicy = policy;
        }

        return tls;
    }

    private ValueTask<T> Send<T>(RespCommand? command, ReadOnlySpan<RedisValue> arguments, Func<RedisReply, T> convert, CancellationToken cancellationToken, TimeSpan? timeout)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        var timeoutMs = timeout is { } explicitTimeout ? (long)explicitTimeout.TotalMilliseconds : _commandTimeoutMs;
        var pending = new PendingCommand<T>(convert)
        {
            Deadline = timeoutMs <= 0 || timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + timeoutMs,
        };
        if (cancellationToken.CanBeCanceled)
        {
            pending.CancelWith(cancellationToken);
        }

        lock (_writeLock)
        {
            if (_isClosed)
            {
                pending.Fail(new RedisConnectionException($"The connection to {Endpoint} is closed."));
                return pending.Task;
            }

            if (command is null)
            {
                RespWriter.WriteCommand(_outbound.Writer, arguments);
            }
            else
            {
                RespWriter.WriteCommand(_outbound.Writer, command, arguments);
            }

            _pending.Enqueue(pending);

            // Completes synchronously (the pipe never pauses the writer); it only hands the bytes to the writer loop.
            var flush = _outbound.Writer.FlushAsync(CancellationToken.None);
            if (!flush.IsCompletedSuccessfully)
            {
                _ = flush.AsTask();
            }
        }

        return pending.Task;
    }

    private void Start()
    {
        _readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Part of connecting: its commands are bounded by the connect timeout (through the token), not the command timeout.</summary>
    private async Task HandshakeAsync(RedisOptions options, CancellationToken cancellationToken)
    {
        var helloAgreed = false;
        if (options.Protocol == RedisProtocol.Resp3)
        {
            var hello = new List<RedisValue> { 3 };
            if (options.Password is not null)
            {
                hello.AddRange(["AUTH", options.User ?? "default", options.Password]);
            }

            if (options.ClientName is not null)
            {
                hello.AddRange(["SETNAME", options.ClientName]);
            }

            try
            {
                await SendAsync(RespCommand.Hello, hello.ToArray(), static reply => reply, cancellationToken, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
                helloAgreed = true;
                ProtocolVersion = 3;
            }
            catch (RedisServerException exception) when (exception is not RedisAuthenticationException)
            {
                // NOPROTO, or a server before Redis 6 that does not know HELLO, or an ACL that forbids it: speak RESP2.
            }
        }

        if (!helloAgreed)
        {
            if (options.Password is not null)
            {
                RedisValue[] auth = options.User is null ? [options.Password] : [options.User, options.Password];
                await SendAsync(RespCommand.Auth, auth, static reply => reply, cancellationToken, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
            }

            if (options.ClientName is not null)
            {
                await SendAsync(RespCommand.Client, ["SETNAME", options.ClientName], static reply => reply, cancellationToken, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
            }
        }

        if (options.DefaultDatabase != 0)
        {
            await SendAsync(RespCommand.Select, [options.DefaultDatabase], static reply => reply, cancellationToken, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception reason;
        try
        {
            while (true)
            {
                var result = await _inbound.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                while (RespParser.TryRead(ref buffer, out var reply))
                {
                    Dispatch(reply);
                }

                _inbound.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    reason = new RedisConnectionException($"The server at {Endpoint} closed the connection.");
                    break;
                }
            }
        }
#pragma warning disable CA1031 // Whatever ends the reader ends the connection, and every waiting caller learns why.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            reason = exception as RedisException ?? new RedisConnectionException($"Reading from {Endpoint} failed: {exception.Message}", exception);
        }

        Close(reason);
        await _inbound.CompleteAsync().ConfigureAwait(false);
    }

    private void Dispatch(in RedisReply reply)
    {
        if (_outOfBand is null ? reply.Type == RedisReplyType.Push : _outOfBand(reply))
        {
            return;
        }

        if (!_pending.TryDequeue(out var pending))
        {
            throw new RedisProtocolException($"A reply arrived from {Endpoint} with no command waiting for it: {reply}.");
        }

        pending.Complete(reply);
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await _stream.WriteAsync(segment).ConfigureAwait(false);
                }

                await _stream.FlushAsync().ConfigureAwait(false);
                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
#pragma warning disable CA1031 // As for the reader: a failed write ends the connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Close(new RedisConnectionException($"Writing to {Endpoint} failed: {exception.Message}", exception));
        }

        await reader.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the connection as failed: every waiting command gets <see cref="RedisConnectionException"/> and the close handler runs.</summary>
    public void Abort(Exception reason) => Close(reason);

    private void Close(Exception reason)
    {
        lock (_writeLock)
        {
            if (_isClosed)
            {
                return;
            }

            _isClosed = true;
            _outbound.Writer.Complete();
        }

        _timeouts.Change(Timeout.Infinite, Timeout.Infinite);

        // Disposing the stream ends both loops: the reader's pending read and the writer's pending write fail at once.
        _socket.Dispose();
        _stream.Dispose();
        var message = $"The connection to {Endpoint} was lost: {reason.Message}";
        while (_pending.TryDequeue(out var pending))
        {
            // One exception per caller: a shared instance would collect every awaiter's stack trace.
            pending.Fail(new RedisConnectionException(message, reason));
        }

        _closed?.Invoke(this, reason);
    }

    private void FailTimedOut()
    {
        var now = Environment.TickCount64;
        foreach (var pending in _pending)
        {
            if (pending.Deadline <= now)
            {
                pending.Fail(new RedisTimeoutException($"No reply from {Endpoint} within the command timeout ({_commandTimeoutMs} ms)."));
            }
        }
    }
}
