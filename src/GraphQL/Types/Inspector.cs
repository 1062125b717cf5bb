using System.Collections;
using System.Globalization;

namespace Voting.GraphQL.Types;

/// <summary>Renders a runtime value the way graphql-js's <c>inspect</c> does, for error messages.</summary>
internal static class Inspector
{
    public static string Inspect(object? value) => value switch
    {
        null => "null",
        string s => ValuePrinter.PrintString(s),
        bool b => b ? "true" : "false",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        IFormattable number when IsNumber(number) => number.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => InspectObject(dictionary),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Inspect)) + "]",
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

    private static string InspectObject(IDictionary dictionary)
    {
        if (dictionary.Count == 0)
        {
            return "{}";
        }

        var entries = new List<string>();
        foreach (DictionaryEntry entry in dictionary)
        {
            entries.Add($"{entry.Key}: {Inspect(entry.Value)}");
        }

        return "{ " + string.Join(", ", entries) + " }";
    }
}
