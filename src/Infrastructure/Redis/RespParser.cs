using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// Reads RESP2 and RESP3 replies (https://redis.io/docs/latest/develop/reference/protocol-spec/) from a
/// <see cref="ReadOnlySequence{T}"/> without copying it first: headers and numbers are parsed in place, and only
/// payloads the caller keeps (bulk strings, text) are materialised. A reply that has not fully arrived yields
/// false and consumes nothing, so the caller waits for more bytes and tries again from the same position.
/// </summary>
internal static class RespParser
{
    // proto-max-bulk-len's default; anything longer is a corrupt stream rather than a value.
    private const long MaxBulkLength = 512L * 1024 * 1024;
    private const int MaxDepth = 64;
    private static readonly RedisReply Ok = RedisReply.SimpleString("OK");
    private static readonly RedisReply Pong = RedisReply.SimpleString("PONG");
    private static readonly RedisReply Queued = RedisReply.SimpleString("QUEUED");

    /// <summary>Reads one complete reply and advances <paramref name="buffer"/> past it; false (and no change) when it is incomplete.</summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out RedisReply reply)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!TryRead(ref reader, out reply, 0))
        {
            return false;
        }

        buffer = buffer.Slice(reader.Position);
        return true;
    }

    private static bool TryRead(ref SequenceReader<byte> reader, out RedisReply reply, int depth)
    {
        reply = default;
        if (depth > MaxDepth)
        {
            throw new RedisProtocolException($"Replies nested deeper than {MaxDepth} levels.");
        }

        if (!reader.TryRead(out var marker))
        {
            return false;
        }

        switch (marker)
        {
            case (byte)'+':
                if (!TryReadLine(ref reader, out var simple))
                {
                    return false;
                }

                reply = simple.SequenceEqual("OK"u8) ? Ok
                    : simple.SequenceEqual("PONG"u8) ? Pong
                    : simple.SequenceEqual("QUEUED"u8) ? Queued
                    : RedisReply.SimpleString(Encoding.UTF8.GetString(simple));
                return true;
            case (byte)'-':
                if (!TryReadLine(ref reader, out var error))
                {
                    return false;
                }

                reply = RedisReply.Error(Encoding.UTF8.GetString(error));
                return true;
            case (byte)':':
                if (!TryReadInteger(ref reader, out var integer))
                {
                    return false;
                }

                reply = RedisReply.Integer(integer);
                return true;
            case (byte)'$':
                return TryReadBulk(ref reader, out reply, RedisReplyType.BulkString);
            case (byte)'!':
                return TryReadBulk(ref reader, out reply, RedisReplyType.Error);
            case (byte)'=':
                return TryReadBulk(ref reader, out reply, RedisReplyType.VerbatimString);
            case (byte)'*':
                return TryReadAggregate(ref reader, out reply, RedisReplyType.Array, depth, 1);
            case (byte)'~':
                return TryReadAggregate(ref reader, out reply, RedisReplyType.Set, depth, 1);
            case (byte)'>':
                return TryReadAggregate(ref reader, out reply, RedisReplyType.Push, depth, 1);
            case (byte)'%':
                return TryReadAggregate(ref reader, out reply, RedisReplyType.Map, depth, 2);
            case (byte)'|':
                // An attribute describes the reply that follows it (key popularity and the like): read it whole, drop it, return the reply.
                return TryReadAggregate(ref reader, out _, RedisReplyType.Map, depth, 2) && TryRead(ref reader, out reply, depth + 1);
            case (byte)'_':
                if (!TryReadLine(ref reader, out var nothing))
                {
                    return false;
                }

                if (!nothing.IsEmpty)
                {
                    throw new RedisProtocolException("A RESP3 null carried data.");
                }

                reply = RedisReply.Null;
                return true;
            case (byte)',':
                if (!TryReadLine(ref reader, out var number))
                {
                    return false;
                }

                reply = RedisReply.Double(ParseDouble(number));
                return true;
            case (byte)'#':
                if (!TryReadLine(ref reader, out var boolean))
                {
                    return false;
                }

                reply = boolean.SequenceEqual("t"u8) ? RedisReply.Boolean(true)
                    : boolean.SequenceEqual("f"u8) ? RedisReply.Boolean(false)
                    : throw new RedisProtocolException($"Bad RESP3 boolean '{Encoding.ASCII.GetString(boolean)}'.");
                return true;
            case (byte)'(':
                if (!TryReadLine(ref reader, out var big))
                {
                    return false;
                }

                var digits = !big.IsEmpty && big[0] is (byte)'-' or (byte)'+' ? big[1..] : big;
                if (digits.IsEmpty || digits.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
                {
                    throw new RedisProtocolException($"Bad RESP3 big number '{Encoding.ASCII.GetString(big)}'.");
                }

                reply = RedisReply.BigNumber(Encoding.ASCII.GetString(big));
                return true;
            default:
                // Streamed strings and aggregates ($?, *?) are in the RESP3 spec but no Redis server sends them.
                throw new RedisProtocolException($"Unknown RESP type byte 0x{marker:x2}.");
        }
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySpan<byte> line)
    {
        if (!reader.TryReadTo(out line, (byte)'\r'))
        {
            return false;
        }

        if (!reader.TryRead(out var newline))
        {
            return false;
        }

        return newline == (byte)'\n' ? true : throw new RedisProtocolException("A line ended with CR but no LF.");
    }

    private static bool TryReadInteger(ref SequenceReader<byte> reader, out long value)
    {
        value = 0;
        if (!TryReadLine(ref reader, out var line))
        {
            return false;
        }

        if (!Utf8Parser.TryParse(line, out value, out var consumed) || consumed != line.Length)
        {
            throw new RedisProtocolException($"Bad integer '{Encoding.ASCII.GetString(line)}'.");
        }

        return true;
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, out RedisReply reply, RedisReplyType type)
    {
        reply = default;
        if (!TryReadInteger(ref reader, out var length))
        {
            return false;
        }

        if (length == -1 && type == RedisReplyType.BulkString)
        {
            reply = RedisReply.Null;
            return true;
        }

        if (length < 0 || length > MaxBulkLength)
        {
            throw new RedisProtocolException($"Bad bulk length {length}.");
        }

        if (reader.Remaining < length + 2)
        {
            return false;
        }

        var payload = new byte[length];
        reader.TryCopyTo(payload);
        reader.Advance(length);
        if (!reader.IsNext("\r\n"u8, advancePast: true))
        {
            throw new RedisProtocolException("A bulk payload was not followed by CRLF.");
        }

        reply = type switch
        {
            RedisReplyType.BulkString => RedisReply.Bulk(payload),
            RedisReplyType.Error => RedisReply.Error(Encoding.UTF8.GetString(payload)),
            _ => Verbatim(payload),
        };
        return true;
    }

    private static RedisReply Verbatim(byte[] payload)
    {
        if (payload.Length < 4 || payload[3] != (byte)':')
        {
            throw new RedisProtocolException("A verbatim string lacked its 'xxx:' format prefix.");
        }

        return RedisReply.Verbatim(Encoding.ASCII.GetString(payload, 0, 3), Encoding.UTF8.GetString(payload, 4, payload.Length - 4));
    }

    private static bool TryReadAggregate(ref SequenceReader<byte> reader, out RedisReply reply, RedisReplyType type, int depth, int perEntry)
    {
        reply = default;
        if (!TryReadInteger(ref reader, out var count))
        {
            return false;
        }

        if (count == -1 && type == RedisReplyType.Array)
        {
            reply = RedisReply.Null;
            return true;
        }

        var elements = count * perEntry;
        if (count < 0 || elements > int.MaxValue / 2)
        {
            throw new RedisProtocolException($"Bad aggregate length {count}.");
        }

        // Every element takes at least three bytes: do not allocate for an aggregate that cannot have arrived yet.
        if (elements * 3 > reader.Remaining)
        {
            return false;
        }

        var items = elements == 0 ? [] : new RedisReply[elements];
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryRead(ref reader, out items[i], depth + 1))
            {
                return false;
            }
        }

        reply = RedisReply.Aggregate(type, items);
        return true;
    }

    private static double ParseDouble(ReadOnlySpan<byte> text)
    {
        if (Utf8Parser.TryParse(text, out double value, out var consumed) && consumed == text.Length)
        {
            return value;
        }

        return text.SequenceEqual("inf"u8) ? double.PositiveInfinity
            : text.SequenceEqual("-inf"u8) ? double.NegativeInfinity
            : text.SequenceEqual("nan"u8) || text.SequenceEqual("-nan"u8) ? double.NaN
            : throw new RedisProtocolException($"Bad RESP3 double '{Encoding.ASCII.GetString(text)}'.");
    }
}
