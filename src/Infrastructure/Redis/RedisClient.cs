using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// A Redis client for one node (no cluster, no sentinel). Commands from any number of concurrent callers share one
/// multiplexed, pipelined connection and get their replies in order; pub/sub uses a second connection opened on the
/// first subscription; blocking reads (XREAD with BLOCK) lease a connection of their own so they never hold up
/// others. Both connections reconnect by themselves; while one is down its commands fail at once with
/// <see cref="RedisConnectionException"/>. Register one instance per process and dispose it on shutdown.
/// </summary>
public sealed partial class RedisClient : IAsyncDisposable
{
    private readonly ResilientConnection _commands;
    private readonly RedisSubscriber _subscriber;
    private readonly BlockingConnectionPool _blocking;
    private readonly ILogger _logger;

    public RedisClient(RedisOptions options, ILogger<RedisClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _commands = new ResilientConnection(options, RedisConnectionRole.Commands, null, null, Raise, _logger);
        _subscriber = new RedisSubscriber(options, Raise, _logger);
        _blocking = new BlockingConnectionPool(options);
    }

    /// <summary>
    /// Raised when either connection goes down or comes back (on the connection's own thread: return quickly).
    /// A <see cref="RedisConnectionRole.Subscriptions"/> event with <see cref="RedisConnectionStateChangedEventArgs.IsReconnect"/>
    /// comes after every subscription is back in place, so reading missed events from a stream at that moment leaves no gap.
    /// </summary>
    public event EventHandler<RedisConnectionStateChangedEventArgs>? ConnectionStateChanged;

    public RedisOptions Options { get; }

    /// <summary>The command connection's state.</summary>
    public RedisConnectionState State => _commands.State;

    /// <summary>The subscription connection's state (<see cref="RedisConnectionState.Connecting"/> until the first subscription).</summary>
    public RedisConnectionState SubscriptionState => _subscriber.State;

    /// <summary>2 or 3: the protocol the command connection speaks (RESP3 unless the server refused HELLO 3); 0 when down.</summary>
    public int ProtocolVersion => _commands.Current?.ProtocolVersion ?? 0;

    /// <summary>Creates a client and opens its command connection.</summary>
    public static async Task<RedisClient> ConnectAsync(RedisOptions options, ILogger<RedisClient>? logger = null, CancellationToken cancellationToken = default)
    {
        var client = new RedisClient(options, logger);
        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens the command connection (once; later calls return at once). See <see cref="RedisOptions.AbortOnConnectFail"/>.</summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default) => _commands.ConnectAsync(cancellationToken);

    /// <summary>
    /// Runs any command (<c>ExecuteAsync("CLIENT", "GETNAME")</c>) on the multiplexed connection and returns the raw reply.
    /// Not for blocking commands (BLPOP, XREAD BLOCK, WAIT...): they would hold up every other caller until they return.
    /// </summary>
    public ValueTask<RedisReply> ExecuteAsync(string command, params RedisValue[] arguments) =>
        ExecuteAsync(command, arguments, CancellationToken.None);

    /// <inheritdoc cref="ExecuteAsync(string, RedisValue[])"/>
    public ValueTask<RedisReply> ExecuteAsync(string command, IReadOnlyList<RedisValue> arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(arguments);
        var all = new RedisValue[arguments.Count + 1];
        all[0] = command;
        for (var i = 0; i < arguments.Count; i++)
        {
            all[i + 1] = arguments[i];
        }

        return _commands.Current is { } connection
            ? connection.SendAsync(all, RedisReplyConverters.Reply, cancellationToken)
            : ValueTask.FromException<RedisReply>(NotConnected());
    }

    /// <summary>PING: the round trip through the command queue.</summary>
    public async ValueTask<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        await SendAsync(RespCommand.Ping, [], RedisReplyConverters.Reply, cancellationToken).ConfigureAwait(false);
        return TimeProvider.System.GetElapsedTime(started);
    }

    /// <summary>FLUSHDB: deletes every key of the selected database (for tests).</summary>
    public async ValueTask FlushDatabaseAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(RespCommand.FlushDb, [], RedisReplyConverters.Reply, cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await _subscriber.DisposeAsync().ConfigureAwait(false);
        await _commands.DisposeAsync().ConfigureAwait(false);
        await _blocking.DisposeAsync().ConfigureAwait(false);
    }

    internal ValueTask<T> SendAsync<T>(RespCommand command, ReadOnlySpan<RedisValue> arguments, Func<RedisReply, T> convert, CancellationToken cancellationToken) =>
        _commands.Current is { } connection
            ? connection.SendAsync(command, arguments, convert, cancellationToken)
            : ValueTask.FromException<T>(NotConnected());

    private RedisConnectionException NotConnected() => new(_commands.State switch
    {
        RedisConnectionState.Connecting => $"Not connected to Redis at {Options.Host}:{Options.Port} yet: call ConnectAsync first.",
        RedisConnectionState.Disposed => "The Redis client was disposed.",
        _ => $"The connection to Redis at {Options.Host}:{Options.Port} is down; reconnecting.",
    });

    private void Raise(RedisConnectionStateChangedEventArgs change)
    {
        try
        {
            ConnectionStateChanged?.Invoke(this, change);
        }
#pragma warning disable CA1031 // A failing handler must not break reconnection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A Redis ConnectionStateChanged handler threw")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception);
}
