namespace Voting.Infrastructure.Redis;

/// <summary>The server is loading its dataset into memory; retry later.</summary>
public sealed class RedisLoadingException(string message) : RedisServerException("LOADING", message)
{
    public override bool IsRetryable => true;
}
