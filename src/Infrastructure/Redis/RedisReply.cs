using System.Globalization;
using System.Numerics;
using System.Text;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// One reply from the server. A small struct: integers, doubles and booleans are held inline; strings,
/// bulk payloads (a <c>byte[]</c> copied once out of the socket buffer) and aggregates in one reference.
/// RESP3 attributes are read and skipped by the parser, so they never appear here.
/// </summary>
public readonly struct RedisReply
{
    private readonly object? _object;
    private readonly long _scalar;

    private RedisReply(RedisReplyType type, object? value, long scalar)
    {
        Type = type;
        _object = value;
        _scalar = scalar;
    }

    public RedisReplyType Type { get; }

    public bool IsNull => Type == RedisReplyType.Null;

    public bool IsError => Type == RedisReplyType.Error;

    /// <summary>True for arrays, maps, sets and pushes.</summary>
    public bool IsAggregate => Type is RedisReplyType.Array or RedisReplyType.Map or RedisReplyType.Set or RedisReplyType.Push;

    /// <summary>The elements of an aggregate; a map's keys and values alternate. Empty for other types.</summary>
    public ReadOnlySpan<RedisReply> Elements => _object as RedisReply[] ?? [];

    /// <summary>The number of elements of an aggregate (a map counts keys and values).</summary>
    public int Count => (_object as RedisReply[])?.Length ?? 0;

    public RedisReply this[int index] => ((RedisReply[])_object!)[index];

    internal static RedisReply Null { get; } = new(RedisReplyType.Null, null, 0);

    internal static RedisReply SimpleString(string value) => new(RedisReplyType.SimpleString, value, 0);

    internal static RedisReply Error(string message) => new(RedisReplyType.Error, message, 0);

    internal static RedisReply Integer(long value) => new(RedisReplyType.Integer, null, value);

    internal static RedisReply Bulk(byte[] value) => new(RedisReplyType.BulkString, value, 0);

    internal static RedisReply Aggregate(RedisReplyType type, RedisReply[] elements) => new(type, elements, 0);

    internal static RedisReply Double(double value) => new(RedisReplyType.Double, null, BitConverter.DoubleToInt64Bits(value));

    internal static RedisReply Boolean(bool value) => new(RedisReplyType.Boolean, null, value ? 1 : 0);

    internal static RedisReply BigNumber(string digits) => new(RedisReplyType.BigNumber, digits, 0);

    internal static RedisReply Verbatim(string format, string text) => new(RedisReplyType.VerbatimString, new VerbatimText(format, text), 0);

    /// <summary>The three-letter format of a verbatim string (<c>txt</c>, <c>mkd</c>), otherwise null.</summary>
    public string? VerbatimFormat => (_object as VerbatimText)?.Format;

    /// <summary>The error text of an error reply (for example <c>WRONGTYPE Operation against a key ...</c>).</summary>
    public string ErrorMessage => Type == RedisReplyType.Error ? (string)_object! : throw Unexpected("an error");

    /// <summary>An integer reply, or a bulk/simple string or big number holding one (Redis returns both shapes).</summary>
    public long AsInt64() => Type switch
    {
        RedisReplyType.Integer => _scalar,
        RedisReplyType.Boolean => _scalar,
        RedisReplyType.BulkString or RedisReplyType.SimpleString or RedisReplyType.BigNumber
            when long.TryParse(AsString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw Unexpected("an integer"),
    };

    public double AsDouble() => Type switch
    {
        RedisReplyType.Double => BitConverter.Int64BitsToDouble(_scalar),
        RedisReplyType.Integer => _scalar,
        RedisReplyType.BulkString or RedisReplyType.SimpleString => RespText.ParseDouble(AsString()!),
        _ => throw Unexpected("a double"),
    };

    /// <summary>A RESP3 boolean, or the RESP2 integers 1 and 0 that stand for one.</summary>
    public bool AsBoolean() => Type switch
    {
        RedisReplyType.Boolean or RedisReplyType.Integer => _scalar != 0,
        _ => throw Unexpected("a boolean"),
    };

    public BigInteger AsBigInteger() => Type switch
    {
        RedisReplyType.Integer => _scalar,
        RedisReplyType.BigNumber => BigInteger.Parse((string)_object!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        _ => throw Unexpected("a big number"),
    };

    /// <summary>The text of any string-like or scalar reply (bulk payloads decoded as UTF-8); null for a null reply.</summary>
    public string? AsString() => Type switch
    {
        RedisReplyType.Null => null,
        RedisReplyType.BulkString => Encoding.UTF8.GetString((byte[])_object!),
        RedisReplyType.SimpleString or RedisReplyType.Error or RedisReplyType.BigNumber => (string)_object!,
        RedisReplyType.VerbatimString => ((VerbatimText)_object!).Text,
        RedisReplyType.Integer => _scalar.ToString(CultureInfo.InvariantCulture),
        RedisReplyType.Double => RespText.FormatDouble(AsDouble()),
        RedisReplyType.Boolean => _scalar != 0 ? "true" : "false",
        _ => throw Unexpected("a string"),
    };

    /// <summary>The reply as a value: bulk payloads keep their bytes, integers stay integers, null stays null.</summary>
    public RedisValue AsValue() => Type switch
    {
        RedisReplyType.Null => RedisValue.Null,
        RedisReplyType.BulkString => new RedisValue((byte[])_object!),
        RedisReplyType.Integer => _scalar,
        _ => AsString(),
    };

    public override string ToString() => Type switch
    {
        RedisReplyType.Array or RedisReplyType.Map or RedisReplyType.Set or RedisReplyType.Push =>
            $"{Type}[{string.Join(", ", ((RedisReply[])_object!).Select(e => e.ToString()))}]",
        RedisReplyType.Null => "(nil)",
        _ => $"{Type}({AsString()})",
    };

    private InvalidCastException Unexpected(string wanted) =>
        new($"Expected {wanted} reply but the server sent {(Type == RedisReplyType.Error ? "the error " + (string)_object! : Type.ToString())}.");

    private sealed record VerbatimText(string Format, string Text);
}
