namespace Voting.Infrastructure.Redis;

/// <summary>
/// The server answered with an error reply. <see cref="Prefix"/> is its first word (<c>ERR</c>, <c>WRONGTYPE</c>, ...);
/// the common ones have their own subclasses. Cluster redirects (<c>MOVED</c>, <c>ASK</c>) arrive as this type with
/// their prefix: this client talks to one node and does not follow them.
/// </summary>
public class RedisServerException : RedisException
{
    public RedisServerException(string prefix, string message)
        : base(message) => Prefix = prefix;

    /// <summary>The error's first word in upper case, such as <c>ERR</c>.</summary>
    public string Prefix { get; }

    /// <summary>True when the same command can be sent again later and may succeed (the server is loading or asks to try again).</summary>
    public virtual bool IsRetryable => Prefix is "TRYAGAIN" or "MASTERDOWN";

    /// <summary>The typed exception for an error reply's text.</summary>
    public static RedisServerException FromReply(string message)
    {
        var space = message.IndexOf(' ', StringComparison.Ordinal);
        var prefix = space < 0 ? message : message[..space];
        return prefix switch
        {
            "WRONGTYPE" => new RedisWrongTypeException(message),
            "NOSCRIPT" => new RedisNoScriptException(message),
            "BUSY" => new RedisBusyException(message),
            "NOAUTH" or "WRONGPASS" => new RedisAuthenticationException(prefix, message),
            "LOADING" => new RedisLoadingException(message),
            "READONLY" => new RedisReadOnlyException(message),
            "MOVED" or "ASK" => new RedisServerException(prefix, message + " (cluster redirects are not supported: this client talks to a single node)"),
            _ => new RedisServerException(prefix, message),
        };
    }
}
