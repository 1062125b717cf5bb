using System.Globalization;
using System.Text;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// A value sent to or read from Redis: text (sent as UTF-8), raw bytes, an integer or a double, or null.
/// Arguments are encoded from it straight into the connection's buffer, without an intermediate string.
/// </summary>
public readonly struct RedisValue : IEquatable<RedisValue>
{
    private readonly object? _object;
    private readonly long _scalar;
    private readonly Kind _kind;

    public RedisValue(string? text)
    {
        _object = text;
        _kind = text is null ? Kind.Null : Kind.Text;
    }

    public RedisValue(byte[]? bytes)
    {
        _object = bytes;
        _kind = bytes is null ? Kind.Null : Kind.Bytes;
    }

    private RedisValue(long integer, Kind kind)
    {
        _scalar = integer;
        _kind = kind;
    }

    private enum Kind : byte
    {
        Null,
        Text,
        Bytes,
        Integer,
        Double,
    }

    public static RedisValue Null => default;

    public bool IsNull => _kind == Kind.Null;

    public static implicit operator RedisValue(string? text) => new(text);

    public static implicit operator RedisValue(byte[]? bytes) => new(bytes);

    public static implicit operator RedisValue(long integer) => new(integer, Kind.Integer);

    public static implicit operator RedisValue(int integer) => new(integer, Kind.Integer);

    public static implicit operator RedisValue(double number) => new(BitConverter.DoubleToInt64Bits(number), Kind.Double);

    public static explicit operator string?(RedisValue value) => value.ToString();

    public static explicit operator long(RedisValue value) => value.ToInt64();

    public static bool operator ==(RedisValue left, RedisValue right) => left.Equals(right);

    public static bool operator !=(RedisValue left, RedisValue right) => !left.Equals(right);

    /// <summary>The value as UTF-8 text; null when it is null.</summary>
    public override string? ToString() => _kind switch
    {
        Kind.Null => null,
        Kind.Text => (string)_object!,
        Kind.Bytes => Encoding.UTF8.GetString((byte[])_object!),
        Kind.Integer => _scalar.ToString(CultureInfo.InvariantCulture),
        _ => RespText.FormatDouble(BitConverter.Int64BitsToDouble(_scalar)),
    };

    /// <summary>The bytes Redis stores for this value; null when it is null.</summary>
    public byte[]? ToArray() => _kind switch
    {
        Kind.Null => null,
        Kind.Bytes => (byte[])_object!,
        _ => Encoding.UTF8.GetBytes(ToString()!),
    };

    public long ToInt64() => _kind switch
    {
        Kind.Integer => _scalar,
        Kind.Null => throw new InvalidCastException("The value is null."),
        _ => long.Parse(ToString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
    };

    public double ToDouble() => _kind switch
    {
        Kind.Double => BitConverter.Int64BitsToDouble(_scalar),
        Kind.Integer => _scalar,
        Kind.Null => throw new InvalidCastException("The value is null."),
        _ => RespText.ParseDouble(ToString()!),
    };

    /// <summary>Equal when Redis would store the same bytes (so "1" equals 1).</summary>
    public bool Equals(RedisValue other) =>
        (IsNull && other.IsNull) || (!IsNull && !other.IsNull && ToArray().AsSpan().SequenceEqual(other.ToArray()));

    public override bool Equals(object? obj) => obj is RedisValue other && Equals(other);

    public override int GetHashCode()
    {
        if (IsNull)
        {
            return 0;
        }

        var hash = new HashCode();
        hash.AddBytes(ToArray());
        return hash.ToHashCode();
    }

    /// <summary>The number of bytes <see cref="WriteTo"/> writes.</summary>
    internal int ByteCount => _kind switch
    {
        Kind.Null => 0,
        Kind.Text => Encoding.UTF8.GetByteCount((string)_object!),
        Kind.Bytes => ((byte[])_object!).Length,
        Kind.Integer => RespText.DigitCount(_scalar),
        _ => RespText.FormatDouble(BitConverter.Int64BitsToDouble(_scalar)).Length,
    };

    /// <summary>Writes the payload bytes; <paramref name="destination"/> holds at least <see cref="ByteCount"/> bytes.</summary>
    internal int WriteTo(Span<byte> destination) => _kind switch
    {
        Kind.Null => 0,
        Kind.Text => Encoding.UTF8.GetBytes((string)_object!, destination),
        Kind.Bytes => CopyBytes((byte[])_object!, destination),
        Kind.Integer => RespText.FormatInt64(_scalar, destination),
        _ => Encoding.ASCII.GetBytes(RespText.FormatDouble(BitConverter.Int64BitsToDouble(_scalar)), destination),
    };

    private static int CopyBytes(byte[] source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
