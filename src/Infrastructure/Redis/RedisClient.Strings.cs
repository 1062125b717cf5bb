namespace Voting.Infrastructure.Redis;

public sealed partial class RedisClient
{
    /// <summary>GET: the value, or <see cref="RedisValue.Null"/> when the key does not exist.</summary>
    public ValueTask<RedisValue> GetAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Get, [key], RedisReplyConverters.Value, cancellationToken);

    /// <summary>SET with an optional expiry (EX, or PX when it is not whole seconds) and condition (NX, XX): true when written.</summary>
    public ValueTask<bool> SetAsync(string key, RedisValue value, TimeSpan? expiry = null, RedisSetCondition condition = RedisSetCondition.Always, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Set, SetArguments(key, value, expiry, condition, get: false), RedisReplyConverters.OkOrNull, cancellationToken);

    /// <summary>SET ... GET: writes (subject to the same options) and returns the previous value, or null when there was none.</summary>
    public ValueTask<RedisValue> SetAndGetAsync(string key, RedisValue value, TimeSpan? expiry = null, RedisSetCondition condition = RedisSetCondition.Always, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Set, SetArguments(key, value, expiry, condition, get: true), RedisReplyConverters.Value, cancellationToken);

    /// <summary>MGET: one value per key, null for missing keys.</summary>
    public ValueTask<RedisValue[]> MGetAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.MGet, Keys(keys), RedisReplyConverters.Values, cancellationToken);

    /// <summary>DEL: how many of the keys existed.</summary>
    public ValueTask<long> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Del, Keys(keys), RedisReplyConverters.Int64, cancellationToken);

    /// <summary>DEL of one key: true when it existed.</summary>
    public async ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await SendAsync(RespCommand.Del, [key], RedisReplyConverters.Int64, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>EXISTS: how many of the keys exist (a key named twice counts twice).</summary>
    public ValueTask<long> ExistsAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Exists, Keys(keys), RedisReplyConverters.Int64, cancellationToken);

    /// <summary>INCR: the value after adding one (a missing key counts as 0).</summary>
    public ValueTask<long> IncrementAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Incr, [key], RedisReplyConverters.Int64, cancellationToken);

    /// <summary>INCRBY: the value after adding <paramref name="by"/>.</summary>
    public ValueTask<long> IncrementByAsync(string key, long by, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.IncrBy, [key, by], RedisReplyConverters.Int64, cancellationToken);

    /// <summary>DECR: the value after subtracting one.</summary>
    public ValueTask<long> DecrementAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Decr, [key], RedisReplyConverters.Int64, cancellationToken);

    /// <summary>EXPIRE (whole seconds, rounded down): true when the key exists and now expires.</summary>
    public ValueTask<bool> ExpireAsync(string key, TimeSpan expiry, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Expire, [key, (long)expiry.TotalSeconds], RedisReplyConverters.Boolean, cancellationToken);

    /// <summary>PEXPIRE (milliseconds): true when the key exists and now expires.</summary>
    public ValueTask<bool> PExpireAsync(string key, TimeSpan expiry, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.PExpire, [key, (long)expiry.TotalMilliseconds], RedisReplyConverters.Boolean, cancellationToken);

    /// <summary>TTL in seconds, as Redis answers it: -1 when the key has no expiry, -2 when it does not exist.</summary>
    public ValueTask<long> TtlAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.Ttl, [key], RedisReplyConverters.Int64, cancellationToken);

    private static RedisValue[] Keys(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is needed.", nameof(keys));
        }

        var values = new RedisValue[keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = keys[i];
        }

        return values;
    }

    private static RedisValue[] SetArguments(string key, RedisValue value, TimeSpan? expiry, RedisSetCondition condition, bool get)
    {
        var arguments = new List<RedisValue>(7) { key, value };
        if (expiry is { } ttl)
        {
            if (ttl <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(expiry), "An expiry must be positive.");
            }

            if (ttl.Ticks % TimeSpan.TicksPerSecond == 0)
            {
                arguments.AddRange(["EX", (long)ttl.TotalSeconds]);
            }
            else
            {
                arguments.AddRange(["PX", (long)Math.Ceiling(ttl.TotalMilliseconds)]);
            }
        }

        if (condition != RedisSetCondition.Always)
        {
            arguments.Add(condition == RedisSetCondition.NotExists ? "NX" : "XX");
        }

        if (get)
        {
            arguments.Add("GET");
        }

        return [.. arguments];
    }
}
