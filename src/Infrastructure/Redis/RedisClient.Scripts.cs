namespace Voting.Infrastructure.Redis;

public sealed partial class RedisClient
{
    /// <summary>EVAL: runs <paramref name="script"/> with KEYS and ARGV and returns its raw reply (Lua nil is null).</summary>
    public ValueTask<RedisReply> EvalAsync(string script, IReadOnlyList<string>? keys = null, IReadOnlyList<RedisValue>? arguments = null, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Eval, ScriptArguments(script, keys, arguments), RedisReplyConverters.Reply, cancellationToken);

    /// <summary>EVALSHA: runs a cached script by its SHA1; <see cref="RedisNoScriptException"/> when the server does not have it.</summary>
    public ValueTask<RedisReply> EvalShaAsync(string sha1, IReadOnlyList<string>? keys = null, IReadOnlyList<RedisValue>? arguments = null, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.EvalSha, ScriptArguments(sha1, keys, arguments), RedisReplyConverters.Reply, cancellationToken);

    /// <summary>Runs a script by EVALSHA, and by EVAL (which caches it again) when the server answers NOSCRIPT.</summary>
    public async ValueTask<RedisReply> EvalAsync(RedisScript script, IReadOnlyList<string>? keys = null, IReadOnlyList<RedisValue>? arguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        try
        {
            return await EvalShaAsync(script.Sha1, keys, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisNoScriptException)
        {
            return await EvalAsync(script.Source, keys, arguments, cancellationToken).ConfigureAwait(false);
        }
    }

    private static RedisValue[] ScriptArguments(string scriptOrSha, IReadOnlyList<string>? keys, IReadOnlyList<RedisValue>? arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(scriptOrSha);
        var keyCount = keys?.Count ?? 0;
        var argumentCount = arguments?.Count ?? 0;
        var values = new RedisValue[2 + keyCount + argumentCount];
        values[0] = scriptOrSha;
        values[1] = keyCount;
        for (var i = 0; i < keyCount; i++)
        {
            values[2 + i] = keys![i];
        }

        for (var i = 0; i < argumentCount; i++)
        {
            values[2 + keyCount + i] = arguments![i];
        }

        return values;
    }
}
