using System.Collections;
using System.Globalization;

namespace Voting.GraphQL.Types;

/// <summary>
/// Renders a runtime value the way graphql-js's <c>inspect</c> does, for error messages: objects and
/// lists nested more than two deep become <c>[Object]</c> and <c>[Array]</c>, and a list shows its
/// first ten items, so a hostile variable cannot make an error message as large as itself.
/// </summary>
internal static class Inspector
{
    private const int MaxArrayLength = 10;
    private const int MaxRecursiveDepth = 2;

    public static string Inspect(object? value) => Inspect(value, 0);

    private static string Inspect(object? value, int depth) => value switch
    {
        null => "null",
        string s => ValuePrinter.PrintString(s),
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        IFormattable number when IsNumber(number) => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => InspectObject(dictionary, depth + 1),
        IEnumerable list => InspectList(list, depth + 1),
        DateTimeOffset or DateTime or DateOnly or Guid => ValuePrinter.PrintString(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        _ => value.ToString() ?? value.GetType().Name,
    };

    // JavaScript prints numbers with the shortest round-trip form and NaN/Infinity by name.
    public static string FormatDouble(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static bool IsNumber(object value) =>
        value is int or long or short or sbyte or byte or ushort or uint or ulong or decimal;

    private static string InspectObject(IDictionary dictionary, int depth)
    {
        if (dictionary.Count == 0)
        {
            return "{}";
        }

        if (depth > MaxRecursiveDepth)
        {
            return "[Object]";
        }

        var entries = new List<string>();
        foreach (DictionaryEntry entry in dictionary)
        {
            entries.Add($"{entry.Key}: {Inspect(entry.Value, depth)}");
        }

        return "{ " + string.Join(", ", entries) + " }";
    }

    private static string InspectList(IEnumerable list, int depth)
    {
        var items = list.Cast<object?>().ToList();
        if (items.Count == 0)
        {
            return "[]";
        }

        if (depth > MaxRecursiveDepth)
        {
            return "[Array]";
        }

        var shown = items.Take(MaxArrayLength).Select(item => Inspect(item, depth)).ToList();
        var remaining = items.Count - shown.Count;
        if (remaining > 0)
        {
            shown.Add(remaining == 1 ? "... 1 more item" : $"... {remaining} more items");
        }

        return "[" + string.Join(", ", shown) + "]";
    }
}
