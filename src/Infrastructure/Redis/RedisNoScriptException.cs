namespace Voting.Infrastructure.Redis;

/// <summary>EVALSHA named a script the server does not have cached (RedisScript falls back to EVAL).</summary>
public sealed class RedisNoScriptException(string message) : RedisServerException("NOSCRIPT", message);
