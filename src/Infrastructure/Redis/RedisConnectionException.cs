namespace Voting.Infrastructure.Redis;

/// <summary>
/// The connection is down, could not be opened, or dropped while the command was queued or in flight.
/// A command that fails this way may or may not have run on the server.
/// </summary>
public sealed class RedisConnectionException(string message, Exception? innerException = null)
    : RedisException(message, innerException);
