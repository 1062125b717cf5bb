namespace Voting.Infrastructure.Redis;

public sealed partial class RedisClient
{
    /// <summary>
    /// XADD: appends an entry and returns its id. <paramref name="maxLength"/> (MAXLEN) or <paramref name="minId"/> (MINID)
    /// trims the stream in the same command, approximately (<c>~</c>, whole macro nodes, much cheaper) unless
    /// <paramref name="approximate"/> is false.
    /// </summary>
    public ValueTask<string> StreamAddAsync(
        string key,
        IReadOnlyCollection<KeyValuePair<string, RedisValue>> fields,
        string id = "*",
        long? maxLength = null,
        string? minId = null,
        bool approximate = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            throw new ArgumentException("A stream entry needs at least one field.", nameof(fields));
        }

        var arguments = new List<RedisValue>(4 + (2 * fields.Count)) { key };
        AddTrim(arguments, maxLength, minId, approximate);
        arguments.Add(id);
        foreach (var (field, value) in fields)
        {
            arguments.Add(field);
            arguments.Add(value);
        }

        return SendAsync(RespCommand.XAdd, [.. arguments], RedisReplyConverters.String!, cancellationToken)!;
    }

    /// <summary>
    /// XREAD: entries after the given ids (<c>0</c> for all, <c>$</c> for only new ones when blocking), at most
    /// <paramref name="count"/> per stream. With <paramref name="block"/> set the call waits up to that long for an entry
    /// (<see cref="TimeSpan.Zero"/>: without limit) on a leased connection of its own, never on the shared one; it returns
    /// an empty list when the wait ends with nothing, and fails with <see cref="RedisConnectionException"/> if the
    /// connection drops meanwhile. Cancel it with <paramref name="cancellationToken"/>.
    /// </summary>
    public async ValueTask<IReadOnlyList<RedisStreamEntries>> StreamReadAsync(
        IReadOnlyList<KeyValuePair<string, string>> streams,
        int? count = null,
        TimeSpan? block = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count == 0)
        {
            throw new ArgumentException("At least one stream is needed.", nameof(streams));
        }

        var arguments = new List<RedisValue>(5 + (2 * streams.Count));
        if (count is { } limit)
        {
            arguments.AddRange(["COUNT", limit]);
        }

        if (block is { } wait)
        {
            arguments.AddRange(["BLOCK", (long)wait.TotalMilliseconds]);
        }

        arguments.Add("STREAMS");
        arguments.AddRange(streams.Select(stream => (RedisValue)stream.Key));
        arguments.AddRange(streams.Select(stream => (RedisValue)stream.Value));
        if (block is null)
        {
            return await SendAsync(RespCommand.XRead, [.. arguments], RedisReplyConverters.StreamRead, cancellationToken).ConfigureAwait(false);
        }

        var connection = await _blocking.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var reusable = false;
        try
        {
            var timeout = block.Value == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : block.Value + Options.CommandTimeout;
            var result = await connection.SendAsync(RespCommand.XRead, [.. arguments], RedisReplyConverters.StreamRead, cancellationToken, timeout).ConfigureAwait(false);
            reusable = true;
            return result;
        }
        catch (RedisServerException)
        {
            reusable = true;
            throw;
        }
        finally
        {
            await _blocking.ReturnAsync(connection, reusable).ConfigureAwait(false);
        }
    }

    /// <summary>XREAD of one stream.</summary>
    public async ValueTask<IReadOnlyList<RedisStreamEntry>> StreamReadAsync(string key, string afterId, int? count = null, TimeSpan? block = null, CancellationToken cancellationToken = default)
    {
        var streams = await StreamReadAsync([new(key, afterId)], count, block, cancellationToken).ConfigureAwait(false);
        return streams.Count == 0 ? [] : streams[0].Entries;
    }

    /// <summary>XRANGE: entries from <paramref name="start"/> to <paramref name="end"/> inclusive (<c>-</c>/<c>+</c> for the ends; <c>(id</c> excludes).</summary>
    public ValueTask<IReadOnlyList<RedisStreamEntry>> StreamRangeAsync(string key, string start = "-", string end = "+", int? count = null, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.XRange, RangeArguments(key, start, end, count), RedisReplyConverters.StreamEntries, cancellationToken);

    /// <summary>XREVRANGE: as <see cref="StreamRangeAsync"/>, newest first (note the order: end, then start).</summary>
    public ValueTask<IReadOnlyList<RedisStreamEntry>> StreamReverseRangeAsync(string key, string end = "+", string start = "-", int? count = null, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.XRevRange, RangeArguments(key, end, start, count), RedisReplyConverters.StreamEntries, cancellationToken);

    /// <summary>XTRIM by MAXLEN or MINID (exactly one of them): how many entries were removed.</summary>
    public ValueTask<long> StreamTrimAsync(string key, long? maxLength = null, string? minId = null, bool approximate = true, CancellationToken cancellationToken = default)
    {
        if ((maxLength is null) == (minId is null))
        {
            throw new ArgumentException("Give either maxLength or minId.");
        }

        var arguments = new List<RedisValue>(4) { key };
        AddTrim(arguments, maxLength, minId, approximate);
        return SendAsync(RespCommand.XTrim, [.. arguments], RedisReplyConverters.Int64, cancellationToken);
    }

    /// <summary>XLEN: the number of entries (0 when the stream does not exist).</summary>
    public ValueTask<long> StreamLengthAsync(string key, CancellationToken cancellationToken = default) =>
        SendAsync(RespCommand.XLen, [key], RedisReplyConverters.Int64, cancellationToken);

    private static void AddTrim(List<RedisValue> arguments, long? maxLength, string? minId, bool approximate)
    {
        if (maxLength is not null && minId is not null)
        {
            throw new ArgumentException("Trim by maxLength or by minId, not both.");
        }

        if (maxLength is { } length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(length, nameof(maxLength));
            arguments.AddRange(["MAXLEN", approximate ? "~" : "=", length]);
        }
        else if (minId is not null)
        {
            arguments.AddRange(["MINID", approximate ? "~" : "=", minId]);
        }
    }

    private static RedisValue[] RangeArguments(string key, string from, string to, int? count) =>
        count is { } limit ? [key, from, to, "COUNT", limit] : [key, from, to];
}
