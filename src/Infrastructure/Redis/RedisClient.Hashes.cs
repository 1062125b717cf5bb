namespace Voting.Infrastructure.Redis;

public sealed partial class RedisClient
{
    /// <summary>HGET: the field's value, or null.</summary>
    public ValueTask<RedisValue> HashGetAsync(string key, string field, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.HGet, [key, field], RedisReplyConverters.Value, cancellationToken);

    /// <summary>HSET of one field: true when the field is new.</summary>
    public async ValueTask<bool> HashSetAsync(string key, string field, RedisValue value, CancellationToken cancellationToken = default) =>
        await SendAsync(RespCommand.HSet, [key, field, value], RedisReplyConverters.Int64, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>HSET of several fields: how many were new.</summary>
    public ValueTask<long> HashSetAsync(string key, IReadOnlyCollection<KeyValuePair<string, RedisValue>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("At least one field is needed.", nameof(fields));
        }

        var arguments = new RedisValue[1 + (2 * fields.Count)];
        arguments[0] = key;
        var i = 1;
        foreach (var (field, value) in fields)
        {
            arguments[i++] = field;
            arguments[i++] = value;
        }

        return SendAsync(RespCommand.HSet, arguments, RedisReplyConverters.Int64, cancellationToken);
    }

    /// <summary>HMGET: one value per field, null for missing ones.</summary>
    public ValueTask<RedisValue[]> HashGetAsync(string key, IReadOnlyList<string> fields, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.HMGet, Prepend(key, fields), RedisReplyConverters.Values, cancellationToken);

    /// <summary>HGETALL: every field and value (empty when the key does not exist).</summary>
    public ValueTask<Dictionary<string, RedisValue>> HashGetAllAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.HGetAll, [key], RedisReplyConverters.Hash, cancellationToken);

    /// <summary>HDEL: how many of the fields existed.</summary>
    public ValueTask<long> HashDeleteAsync(string key, IReadOnlyList<string> fields, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.HDel, Prepend(key, fields), RedisReplyConverters.Int64, cancellationToken);

    /// <summary>HINCRBY: the field's value after adding <paramref name="by"/>.</summary>
    public ValueTask<long> HashIncrementAsync(string key, string field, long by = 1, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.HIncrBy, [key, field, by], RedisReplyConverters.Int64, cancellationToken);

    private static RedisValue[] Prepend(string key, IReadOnlyList<string> rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        if (rest.Count == 0)
        {
            throw new ArgumentException("At least one field is needed.", nameof(rest));
        }

        var values = new RedisValue[rest.Count + 1];
        values[0] = key;
        for (var i = 0; i < rest.Count; i++)
        {
            values[i + 1] = rest[i];
        }

        return values;
    }
}
