namespace Voting.GraphQL.Types;

/// <summary>
/// CLR numbers seen as JavaScript sees them: graphql-js's rules speak of "a number" and "an
/// integer" (a number without fraction), whatever the CLR type it arrived as.
/// </summary>
internal static class Numbers
{
    public static bool TryGetDouble(object? value, out double result)
    {
        switch (value)
        {
            case int i: result = i; return true;
            case long l: result = l; return true;
            case short s: result = s; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul: result = ul; return true;
            case double d: result = d; return true;
            case float f: result = f; return true;
            case decimal m: result = (double)m; return true;
            default: result = 0; return false;
        }
    }

    public static bool IsNumber(object? value) => TryGetDouble(value, out _);

    /// <summary>An integral value (whatever its CLR type) that fits a long.</summary>
    public static bool TryGetInteger(object? value, out long result)
    {
        switch (value)
        {
            case int i: result = i; return true;
            case long l: result = l; return true;
            case short s: result = s; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            case decimal m when decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue: result = (long)m; return true;
            case double d when double.IsFinite(d) && Math.Truncate(d) == d && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18: result = (long)d; return true;
            case float f when float.IsFinite(f) && MathF.Truncate(f) == f && f >= -9.2233720368547758E18f && f < 9.2233720368547758E18f: result = (long)f; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>Integral in JavaScript's sense even when too large for a long (e.g. 1e100).</summary>
    public static bool IsIntegral(object? value) =>
        TryGetInteger(value, out _)
        || (value is ulong)
        || (TryGetDouble(value, out var d) && double.IsFinite(d) && Math.Truncate(d) == d);
}
