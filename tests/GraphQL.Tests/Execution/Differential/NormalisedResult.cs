using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Voting.GraphQL.Tests.Execution.Differential;

/// <summary>
/// A GraphQL response as text two engines can be compared on: <c>data</c> exactly, key order included (results
/// are ordered maps), numbers by value (graphql-js prints 1 where .NET may print 1.0), and the errors as a sorted
/// list of path, message and locations. Extensions are left out: graphql-js gives none, ours give codes.
/// </summary>
internal static class NormalisedResult
{
    public static string Describe(JsonElement result)
    {
        var text = new StringBuilder(DescribeData(result));
        foreach (var error in Errors(result))
        {
            text.Append("\nerror ").Append(error.Text);
        }

        return text.ToString();
    }

    /// <summary>
    /// True when both results have the same data and the same errors, except errors raised below a position
    /// that another error (one both results have) made null. graphql-js 17 drops such an error when the null
    /// came first (CollectedErrors); which comes first depends on which resolver finishes first, and our
    /// resolvers run in parallel on the thread pool where graphql-js's take turns on one event loop, so
    /// only the errors that decide the data are compared there.
    /// </summary>
    public static bool Agree(JsonElement theirs, JsonElement ours, out int racedErrors)
    {
        racedErrors = 0;
        if (DescribeData(theirs) != DescribeData(ours))
        {
            return false;
        }

        var common = new List<ErrorLine>();
        var alone = new List<ErrorLine>();
        var remaining = Errors(ours);
        foreach (var error in Errors(theirs))
        {
            int match = remaining.FindIndex(e => e.Text == error.Text);
            if (match >= 0)
            {
                common.Add(error);
                remaining.RemoveAt(match);
            }
            else
            {
                alone.Add(error);
            }
        }

        alone.AddRange(remaining);
        bool hasData = theirs.TryGetProperty("data", out var data);
        foreach (var error in alone)
        {
            bool raced = hasData && common.Any(c => c.Path is not null && error.Path is not null
                && NulledPosition(data, c.Path) is { } nulled
                && !error.Path.SequenceEqual(c.Path)
                && error.Path.Take(nulled.Count).SequenceEqual(nulled));
            if (!raced)
            {
                return false;
            }

            racedErrors++;
        }

        return true;
    }

    // The position an error made null: the deepest prefix of its path that is null in data (all of data if null).
    private static IReadOnlyList<string>? NulledPosition(JsonElement data, IReadOnlyList<string> path)
    {
        if (data.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        for (int length = path.Count; length > 0; length--)
        {
            if (ValueAt(data, path.Take(length)) is { ValueKind: JsonValueKind.Null })
            {
                return [.. path.Take(length)];
            }
        }

        return null;
    }

    private static JsonElement? ValueAt(JsonElement data, IEnumerable<string> path)
    {
        var value = data;
        foreach (string step in path)
        {
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(step, out var field))
            {
                value = field;
            }
            else if (value.ValueKind == JsonValueKind.Array && int.TryParse(step, CultureInfo.InvariantCulture, out int index) && index < value.GetArrayLength())
            {
                value = value[index];
            }
            else
            {
                return null;
            }
        }

        return value;
    }

    private static string DescribeData(JsonElement result)
    {
        if (!result.TryGetProperty("data", out var data))
        {
            return "no data";
        }

        var text = new StringBuilder("data: ");
        Append(text, data);
        return text.ToString();
    }

    private static List<ErrorLine> Errors(JsonElement result) => result.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateArray().Select(e => new ErrorLine(DescribeError(e), e.TryGetProperty("path", out var path) ? [.. path.EnumerateArray().Select(p => p.ToString())] : null)).OrderBy(e => e.Text, StringComparer.Ordinal)]
        : [];

    private static string DescribeError(JsonElement error)
    {
        var text = new StringBuilder();
        if (error.TryGetProperty("path", out var path))
        {
            Append(text, path);
        }
        else
        {
            text.Append("(no path)");
        }

        text.Append(' ').Append(error.GetProperty("message").GetString()).Append(" @");
        if (error.TryGetProperty("locations", out var locations))
        {
            foreach (var location in locations.EnumerateArray())
            {
                text.Append(' ').Append(location.GetProperty("line").GetInt32()).Append(':').Append(location.GetProperty("column").GetInt32());
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                bool first = true;
                foreach (var property in value.EnumerateObject())
                {
                    text.Append(first ? "" : ",").Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    Append(text, property.Value);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                int index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ",");
                    Append(text, item);
                }

                text.Append(']');
                break;
            case JsonValueKind.Number:
                text.Append(value.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.String:
                text.Append(JsonSerializer.Serialize(value.GetString()));
                break;
            default:
                text.Append(value.GetRawText());
                break;
        }
    }

    private sealed record ErrorLine(string Text, IReadOnlyList<string>? Path);
}
