namespace Voting.Infrastructure.Redis;

/// <summary>The base of every failure this client reports.</summary>
public abstract class RedisException : Exception
{
    protected RedisException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
