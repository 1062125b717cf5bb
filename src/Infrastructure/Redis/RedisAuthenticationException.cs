namespace Voting.Infrastructure.Redis;

/// <summary>The server refused the credentials (<c>WRONGPASS</c>) or wants some (<c>NOAUTH</c>).</summary>
public sealed class RedisAuthenticationException(string prefix, string message) : RedisServerException(prefix, message);
