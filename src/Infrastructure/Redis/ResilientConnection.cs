using Microsoft.Extensions.Logging;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// Keeps one <see cref="RedisConnection"/> of a role open: it opens it, notices when it drops, and opens a new one
/// with exponential backoff and jitter (so that many clients do not hammer a restarted server in step). While it is
/// down, <see cref="Current"/> is null and callers fail fast instead of queueing. <c>onConnected</c> runs on every new
/// connection before it is published (the subscriber re-subscribes there), so "connected" means usable.
/// </summary>
internal sealed partial class ResilientConnection(
    RedisOptions options,
    RedisConnectionRole role,
    Func<RedisReply, bool>? outOfBand,
    Func<RedisConnection, CancellationToken, Task>? onConnected,
    Action<RedisConnectionStateChangedEventArgs> notify,
    ILogger logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposing = new();
    private Timer? _heartbeat;
    private RedisConnection? _current;
    private Task? _firstConnect;
    private Task? _reconnecting;
    private bool _everConnected;
    private bool _disposed;

    public RedisConnection? Current => Volatile.Read(ref _current);

    public RedisConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _disposed ? RedisConnectionState.Disposed
                    : _current is not null ? RedisConnectionState.Connected
                    : _everConnected || _reconnecting is not null ? RedisConnectionState.Disconnected
                    : RedisConnectionState.Connecting;
            }
        }
    }

    /// <summary>
    /// Opens the first connection, once (later calls share it). When that fails it throws, unless
    /// <see cref="RedisOptions.AbortOnConnectFail"/> is false: then it keeps trying in the background.
    /// </summary>
    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_firstConnect is null || _firstConnect.IsFaulted || _firstConnect.IsCanceled)
            {
                _firstConnect = ConnectFirstAsync(cancellationToken);
            }

            return _firstConnect;
        }
    }

    public async ValueTask DisposeAsync()
    {
        RedisConnection? current;
        Task? reconnecting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _current;
            _current = null;
            reconnecting = _reconnecting;
        }

        if (_heartbeat is not null)
        {
            await _heartbeat.DisposeAsync().ConfigureAwait(false);
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        if (current is not null)
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }

        if (reconnecting is not null)
        {
            await reconnecting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _disposing.Dispose();
        notify(new RedisConnectionStateChangedEventArgs(role, RedisConnectionState.Disposed, false, null));
    }

    private async Task ConnectFirstAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!Adopt(connection, isReconnect: false))
            {
                StartReconnecting();
            }
        }
        catch (RedisException exception) when (!options.AbortOnConnectFail)
        {
            LogConnectFailed(logger, role, options.Host, options.Port, exception);
            StartReconnecting();
        }
    }

    private async Task<RedisConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await RedisConnection.ConnectAsync(options, outOfBand, OnClosed, cancellationToken).ConfigureAwait(false);
        try
        {
            if (onConnected is not null)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.ConnectTimeout + options.CommandTimeout);
                await onConnected(connection, timeout.Token).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Publishes a fresh connection unless it already failed (its close handler then found it unpublished) or the client is gone.</summary>
    private bool Adopt(RedisConnection connection, bool isReconnect)
    {
        lock (_gate)
        {
            if (_disposed || connection.IsClosed)
            {
                _ = connection.DisposeAsync().AsTask();
                return _disposed;
            }

            _current = connection;
            _everConnected = true;
            _reconnecting = null;
            if (_heartbeat is null && options.KeepAlive > TimeSpan.Zero)
            {
                _heartbeat = new Timer(static state => ((ResilientConnection)state!).Heartbeat(), this, options.KeepAlive, options.KeepAlive);
            }
        }

        if (isReconnect)
        {
            LogReconnected(logger, role, connection.Endpoint);
        }

        notify(new RedisConnectionStateChangedEventArgs(role, RedisConnectionState.Connected, isReconnect, null));
        return true;
    }

    private void OnClosed(RedisConnection connection, Exception reason)
    {
        lock (_gate)
        {
            if (_disposed || !ReferenceEquals(_current, connection))
            {
                return;
            }

            _current = null;
        }

        LogLost(logger, role, connection.Endpoint, reason);
        notify(new RedisConnectionStateChangedEventArgs(role, RedisConnectionState.Disconnected, false, reason));
        StartReconnecting();
    }

    private void StartReconnecting()
    {
        lock (_gate)
        {
            if (_disposed || _reconnecting is not null)
            {
                return;
            }

            _reconnecting = Task.Run(ReconnectLoopAsync);
        }
    }

    private async Task ReconnectLoopAsync()
    {
        var token = _disposing.Token;
        for (var attempt = 0; !token.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(Backoff(attempt), token).ConfigureAwait(false);
                var connection = await OpenAsync(token).ConfigureAwait(false);
                if (Adopt(connection, isReconnect: true))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure to reconnect means: wait longer and try again, until disposed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogReconnectFailed(logger, role, attempt + 1, exception.Message);
            }
        }
    }

    /// <summary>
    /// A PING through the connection's queue: a server that stopped answering without closing the socket (a lost
    /// network, a frozen host) is noticed and the connection replaced, rather than every command timing out forever.
    /// </summary>
    private void Heartbeat()
    {
        if (Current is not { } connection)
        {
            return;
        }

        _ = PingAsync(connection);

        async Task PingAsync(RedisConnection connection)
        {
            try
            {
                await connection.SendAsync(RespCommand.Ping, [], static reply => reply, CancellationToken.None).ConfigureAwait(false);
            }
            catch (RedisTimeoutException exception)
            {
                connection.Abort(new RedisConnectionException($"The server at {connection.Endpoint} stopped answering (no PONG within the command timeout).", exception));
            }
            catch (RedisException)
            {
                // An error reply or an already closed connection: nothing for the heartbeat to do.
            }
        }
    }

    /// <summary>Exponential from <see cref="RedisOptions.ReconnectMinDelay"/> to <see cref="RedisOptions.ReconnectMaxDelay"/>, each wait drawn from its upper half.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.ReconnectMaxDelay.TotalMilliseconds, options.ReconnectMinDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis {Role} connection to {Host}:{Port} could not be opened; retrying in the background")]
    private static partial void LogConnectFailed(ILogger logger, RedisConnectionRole role, string host, int port, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {Role} connection to {Endpoint} lost; reconnecting")]
    private static partial void LogLost(ILogger logger, RedisConnectionRole role, string endpoint, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {Role} reconnect attempt {Attempt} failed: {Reason}")]
    private static partial void LogReconnectFailed(ILogger logger, RedisConnectionRole role, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis {Role} connection to {Endpoint} restored")]
    private static partial void LogReconnected(ILogger logger, RedisConnectionRole role, string endpoint);
}
