namespace Voting.Infrastructure.Redis;

/// <summary>The conversions typed commands apply to their reply on arrival (cached delegates: nothing allocated per call).</summary>
internal static class RedisReplyConverters
{
    public static readonly Func<RedisReply, RedisReply> Reply = static reply => reply;

    public static readonly Func<RedisReply, long> Int64 = static reply => reply.AsInt64();

    public static readonly Func<RedisReply, bool> Boolean = static reply => reply.AsBoolean();

    /// <summary>Replies that are OK, or null when a condition (NX, XX) stopped the write.</summary>
    public static readonly Func<RedisReply, bool> OkOrNull = static reply => !reply.IsNull;

    public static readonly Func<RedisReply, RedisValue> Value = static reply => reply.AsValue();

    public static readonly Func<RedisReply, string?> String = static reply => reply.AsString();

    public static readonly Func<RedisReply, RedisValue[]> Values = static reply =>
    {
        var values = new RedisValue[reply.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reply[i].AsValue();
        }

        return values;
    };

    /// <summary>A RESP3 map or the RESP2 flat array of alternating keys and values.</summary>
    public static readonly Func<RedisReply, Dictionary<string, RedisValue>> Hash = static reply =>
    {
        var hash = new Dictionary<string, RedisValue>(reply.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < reply.Count; i += 2)
        {
            hash[reply[i].AsString()!] = reply[i + 1].AsValue();
        }

        return hash;
    };

    public static readonly Func<RedisReply, IReadOnlyList<RedisStreamEntry>> StreamEntries = static reply =>
    {
        var entries = new RedisStreamEntry[reply.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = StreamEntry(reply[i]);
        }

        return entries;
    };

    /// <summary>XREAD: null when BLOCK timed out; otherwise a RESP3 map or RESP2 array of [key, entries] pairs.</summary>
    public static readonly Func<RedisReply, IReadOnlyList<RedisStreamEntries>> StreamRead = static reply =>
    {
        if (reply.IsNull)
        {
            return [];
        }

        var streams = new List<RedisStreamEntries>();
        if (reply.Type == RedisReplyType.Map)
        {
            for (var i = 0; i + 1 < reply.Count; i += 2)
            {
                streams.Add(new RedisStreamEntries(reply[i].AsString()!, StreamEntries(reply[i + 1])));
            }
        }
        else
        {
            foreach (var pair in reply.Elements)
            {
                streams.Add(new RedisStreamEntries(pair[0].AsString()!, StreamEntries(pair[1])));
            }
        }

        return streams;
    };

    private static RedisStreamEntry StreamEntry(RedisReply entry)
    {
        var fields = entry[1];
        var pairs = new KeyValuePair<string, RedisValue>[fields.Count / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = new(fields[2 * i].AsString()!, fields[(2 * i) + 1].AsValue());
        }

        return new RedisStreamEntry(entry[0].AsString()!, pairs);
    }
}
