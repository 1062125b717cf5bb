namespace Voting.Infrastructure.Redis;

/// <summary>
/// A connection went up or down. <see cref="IsReconnect"/> marks a connection restored after a loss: messages published
/// while it was down are gone, so a consumer of pub/sub resumes from a durable source (a stream) at that point.
/// </summary>
public sealed class RedisConnectionStateChangedEventArgs(
    RedisConnectionRole role,
    RedisConnectionState state,
    bool isReconnect,
    Exception? exception) : EventArgs
{
    public RedisConnectionRole Role { get; } = role;

    public RedisConnectionState State { get; } = state;

    /// <summary>True when <see cref="State"/> is <see cref="RedisConnectionState.Connected"/> after an earlier loss.</summary>
    public bool IsReconnect { get; } = isReconnect;

    /// <summary>Why the connection was lost, for <see cref="RedisConnectionState.Disconnected"/>.</summary>
    public Exception? Exception { get; } = exception;
}
