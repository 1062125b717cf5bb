namespace Voting.GraphQL.Types;

/// <summary>
/// The "Did you mean ...?" hints of graphql-js messages: the options within a lexical distance of
/// 40% of the input's length (optimal string alignment, case-insensitive, an exact match first),
/// closest first and then in natural order, at most five of them, quoted and joined with "or".
/// </summary>
public static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>The type names SDL may use without defining them (graphql-js's standardTypeNames).</summary>
    internal static IReadOnlyList<string> StandardTypeNames { get; } =
        ["String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind"];

    /// <summary>graphql-js's suggestionList.</summary>
    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var distances = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (Distance(input, option, threshold) is { } distance)
            {
                distances[option] = distance;
            }
        }

        var result = distances.Keys.ToList();
        result.Sort((a, b) => distances[a] != distances[b] ? distances[a] - distances[b] : NaturalCompare(a, b));
        return result;
    }

    /// <summary>graphql-js's didYouMean: empty without suggestions, else <c> Did you mean "a" or "b"?</c>.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var prefix = subMessage is null ? " Did you mean " : $" Did you mean {subMessage} ";
        return prefix + OrList([.. suggestions.Take(MaxSuggestions).Select(s => $"\"{s}\"")]) + "?";
    }

    public static string OrList(IReadOnlyList<string> items) => FormatList("or", items);

    public static string AndList(IReadOnlyList<string> items) => FormatList("and", items);

    private static string FormatList(string conjunction, IReadOnlyList<string> items) => items.Count switch
    {
        0 => throw new ArgumentException("A list to format needs an item.", nameof(items)),
        1 => items[0],
        2 => $"{items[0]} {conjunction} {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + $", {conjunction} " + items[^1],
    };

    private static int? Distance(string input, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var a = option.ToLowerInvariant();
        var b = input.ToLowerInvariant();
        if (a == b)
        {
            return 1;
        }

        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > threshold)
        {
            return null;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var up = rows[(i - 1) % 3];
            var current = rows[i % 3];
            var smallest = current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                }

                smallest = Math.Min(smallest, cell);
                current[j] = cell;
            }

            if (smallest > threshold)
            {
                return null;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }

    /// <summary>graphql-js's naturalCompare: digit runs compare by value, including its stop at a leading zero.</summary>
    internal static int NaturalCompare(string a, string b)
    {
        int ai = 0, bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            var ac = a[ai];
            var bc = b[bi];
            if (char.IsAsciiDigit(ac) && char.IsAsciiDigit(bc))
            {
                long an = 0, bn = 0;
                do
                {
                    ++ai;
                    an = (an * 10) + ac - '0';
                    ac = ai < a.Length ? a[ai] : '\0';
                }
                while (char.IsAsciiDigit(ac) && an > 0);
                do
                {
                    ++bi;
                    bn = (bn * 10) + bc - '0';
                    bc = bi < b.Length ? b[bi] : '\0';
                }
                while (char.IsAsciiDigit(bc) && bn > 0);
                if (an != bn)
                {
                    return an < bn ? -1 : 1;
                }
            }
            else
            {
                if (ac != bc)
                {
                    return ac < bc ? -1 : 1;
                }

                ++ai;
                ++bi;
            }
        }

        return a.Length - b.Length;
    }
}
