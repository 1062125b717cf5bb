using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Voting.GraphQL.Server.BananaCakePop;

/// <summary>
/// The two header shapes the IDE's endpoint negotiates on, read without Microsoft.Net.Http.Headers
/// (the engine references only Microsoft.AspNetCore.* and Microsoft.Extensions.* assemblies).
/// </summary>
internal static class HeaderValues
{
    /// <summary>
    /// The elements of a list with quality values (Accept, Accept-Encoding; RFC 9110, 12.4.2):
    /// <c>value;param=x;q=0.5</c>. An element without <c>q</c>, or with one that does not parse, has 1.
    /// </summary>
    public static IEnumerable<(string Value, double Quality)> WithQuality(StringValues header)
    {
        foreach (var line in header)
        {
            // Parameters in quoted strings with commas do not occur in the media ranges and codings
            // this endpoint compares; a split element would only lose its own weight.
            foreach (var element in (line ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = element.Split(';', StringSplitOptions.TrimEntries);
                var quality = 1.0;
                foreach (var parameter in parts.AsSpan(1))
                {
                    if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q))
                    {
                        quality = Math.Clamp(q, 0, 1);
                    }
                }

                yield return (parts[0], quality);
            }
        }
    }

    /// <summary>
    /// Whether If-None-Match names <paramref name="etag"/>: <c>*</c> or a listed tag equal to it by
    /// the weak comparison that If-None-Match uses (RFC 9110, 13.1.2), so <c>W/"x"</c> matches <c>"x"</c>.
    /// </summary>
    public static bool IfNoneMatchNames(StringValues ifNoneMatch, string etag)
    {
        foreach (var line in ifNoneMatch)
        {
            foreach (var element in (line ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = element.StartsWith("W/", StringComparison.Ordinal) ? element[2..] : element;
                if (tag == "*" || tag == etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
