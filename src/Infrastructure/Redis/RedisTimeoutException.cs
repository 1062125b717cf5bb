namespace Voting.Infrastructure.Redis;

/// <summary>No reply came within the command timeout (<c>syncTimeout</c>); the command may still run on the server.</summary>
public sealed class RedisTimeoutException(string message) : RedisException(message);
