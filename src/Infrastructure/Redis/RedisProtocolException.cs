namespace Voting.Infrastructure.Redis;

/// <summary>The server sent bytes that are not valid RESP; the connection is closed, as its framing is lost.</summary>
public sealed class RedisProtocolException(string message) : RedisException(message);
