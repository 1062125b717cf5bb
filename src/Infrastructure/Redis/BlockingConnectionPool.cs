namespace Voting.Infrastructure.Redis;

/// <summary>
/// Connections for blocking commands (XREAD BLOCK), one per call, so a read that waits for seconds never sits at the
/// head of the multiplexed queue. A few idle ones are kept for reuse. A call that is cancelled or times out while the
/// server still blocks drops its connection instead of returning it, since the late reply would meet the next lessee.
/// Disposing the pool closes leased connections too, failing their calls with <see cref="RedisConnectionException"/>.
/// </summary>
internal sealed class BlockingConnectionPool(RedisOptions options) : IAsyncDisposable
{
    private const int MaxIdle = 4;
    private readonly Lock _gate = new();
    private readonly Stack<RedisConnection> _idle = new();
    private readonly HashSet<RedisConnection> _leased = [];
    private bool _disposed;

    public async ValueTask<RedisConnection> LeaseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            RedisConnection? idle = null;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_idle.TryPop(out idle) && !idle.IsClosed)
                {
                    _leased.Add(idle);
                    return idle;
                }
            }

            if (idle is null)
            {
                break;
            }

            await idle.DisposeAsync().ConfigureAwait(false);
        }

        var connection = await RedisConnection.ConnectAsync(options, null, null, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (!_disposed)
            {
                _leased.Add(connection);
                return connection;
            }
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        throw new ObjectDisposedException(nameof(RedisClient));
    }

    /// <summary>Takes a connection back; <paramref name="reusable"/> is false when its last command did not complete normally.</summary>
    public async ValueTask ReturnAsync(RedisConnection connection, bool reusable)
    {
        lock (_gate)
        {
            _leased.Remove(connection);
            if (reusable && !_disposed && !connection.IsClosed && _idle.Count < MaxIdle)
            {
                _idle.Push(connection);
                return;
            }
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        RedisConnection[] all;
        lock (_gate)
        {
            _disposed = true;
            all = [.. _idle, .. _leased];
            _idle.Clear();
            _leased.Clear();
        }

        foreach (var connection in all)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
