using System.Globalization;

namespace Voting.Infrastructure.Redis;

/// <summary>Number formatting as RESP spells it (invariant, and <c>inf</c>/<c>-inf</c> for infinities).</summary>
internal static class RespText
{
    public static int DigitCount(long value)
    {
        Span<byte> scratch = stackalloc byte[20];
        return FormatInt64(value, scratch);
    }

    public static int FormatInt64(long value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    public static string FormatDouble(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static double ParseDouble(string text) => text.ToLowerInvariant() switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "-nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
