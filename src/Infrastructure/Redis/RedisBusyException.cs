namespace Voting.Infrastructure.Redis;

/// <summary>A script or function is running on the server; it answers nothing else until it ends or is killed.</summary>
public sealed class RedisBusyException(string message) : RedisServerException("BUSY", message);
