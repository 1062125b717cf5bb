using System.Security.Cryptography;
using System.Text;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// A Lua script run with EVALSHA (only its 40-character SHA1 crosses the wire), falling back to EVAL when the server
/// answers NOSCRIPT (after a restart or SCRIPT FLUSH); EVAL caches it again. Keep one instance per script.
/// </summary>
public sealed class RedisScript
{
    public RedisScript(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        Source = source;
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
    }

    public string Source { get; }

    /// <summary>The script's SHA1 in lower-case hex, as SCRIPT LOAD returns it.</summary>
    public string Sha1 { get; }
}
