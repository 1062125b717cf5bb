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
        var text = new StringBuilder();
        if (result.TryGetProperty("data", out var data))
        {
            text.Append("data: ");
            Append(text, data);
        }
        else
        {
            text.Append("no data");
        }

        if (result.TryGetProperty("errors", out var errors))
        {
            var lines = errors.EnumerateArray().Select(DescribeError).Order(StringComparer.Ordinal);
            foreach (string line in lines)
            {
                text.Append("\nerror ").Append(line);
            }
        }

        return text.ToString();
    }

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
}
