using System.Globalization;
using System.Text;

namespace Voting.GraphQL.Validation;

/// <summary>
/// The "Did you mean ...?" hints of validation messages, ranked and worded as graphql-js ranks and
/// words them (its suggestionList, didYouMean and naturalCompare), so messages match the reference.
/// </summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>
    /// The options close enough to the input to be a likely typo: within an edit distance of 40% of the
    /// input's length (case changes count as one edit), nearest first, ties in natural order.
    /// </summary>
    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var inputLower = input.ToLowerInvariant();
        var distances = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (distances.ContainsKey(option))
            {
                continue;
            }

            var distance = Distance(input, inputLower, option, threshold);
            if (distance is { } d)
            {
                distances[option] = d;
            }
        }

        return [.. distances.Keys.Order(Comparer<string>.Create((a, b) =>
        {
            var diff = distances[a] - distances[b];
            return diff != 0 ? diff : NaturalCompare(a, b);
        }))];
    }

    /// <summary>The hint appended to a message: empty without suggestions, else at most five quoted names.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var message = new StringBuilder(" Did you mean ");
        if (subMessage is not null)
        {
            message.Append(subMessage).Append(' ');
        }

        var quoted = suggestions.Take(MaxSuggestions).Select(s => "\"" + s + "\"").ToList();
        switch (quoted.Count)
        {
            case 1:
                message.Append(quoted[0]);
                break;
            case 2:
                message.Append(quoted[0]).Append(" or ").Append(quoted[1]);
                break;
            default:
                message.AppendJoin(", ", quoted.Take(quoted.Count - 1)).Append(", or ").Append(quoted[^1]);
                break;
        }

        return message.Append('?').ToString();
    }

    /// <summary>Orders strings with runs of digits compared by numeric value ("a2" before "a10").</summary>
    public static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var startA = i;
                var startB = j;
                while (i < a.Length && char.IsAsciiDigit(a[i]))
                {
                    i++;
                }

                while (j < b.Length && char.IsAsciiDigit(b[j]))
                {
                    j++;
                }

                var numberA = decimal.Parse(a.AsSpan(startA, i - startA), CultureInfo.InvariantCulture);
                var numberB = decimal.Parse(b.AsSpan(startB, j - startB), CultureInfo.InvariantCulture);
                if (numberA != numberB)
                {
                    return numberA < numberB ? -1 : 1;
                }
            }
            else
            {
                if (a[i] != b[j])
                {
                    return a[i] < b[j] ? -1 : 1;
                }

                i++;
                j++;
            }
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }

    // Optimal string alignment distance (Levenshtein plus adjacent transpositions) on lower-cased
    // strings, abandoned as soon as it must exceed the threshold.
    private static int? Distance(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
        {
            return 1;
        }

        var a = optionLower;
        var b = inputLower;
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
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            var smallest = currentRow[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var current = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current = Math.Min(current, rows[(i - 2) % 3][j - 2] + 1);
                }

                currentRow[j] = current;
                smallest = Math.Min(smallest, current);
            }

            if (smallest > threshold)
            {
                return null;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }
}
