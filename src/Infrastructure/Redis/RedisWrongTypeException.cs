namespace Voting.Infrastructure.Redis;

/// <summary>The command met a key holding another type of value.</summary>
public sealed class RedisWrongTypeException(string message) : RedisServerException("WRONGTYPE", message);
