namespace Voting.Infrastructure.Redis;

/// <summary>The node is a read-only replica.</summary>
public sealed class RedisReadOnlyException(string message) : RedisServerException("READONLY", message);
