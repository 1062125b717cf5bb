using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Voting.GraphQL.Server;

/// <summary>
/// Content negotiation as GraphQL over HTTP (draft) asks: the <c>Accept</c> header picks the response media
/// type by q-value, a missing one means <c>application/json</c> (legacy clients, until the watershed), and
/// a POST body must be <c>application/json</c> in UTF-8.
/// </summary>
internal static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";
    public const string JsonUtf8 = Json + "; charset=utf-8";

    /// <summary>
    /// The response type the client accepts most, or null when it accepts neither (406). At equal q the explicit
    /// <c>application/graphql-response+json</c> wins over <c>application/json</c>, and a named type over a
    /// wildcard, which means <c>application/json</c> ("SHOULD accept */* and use application/json").
    /// A range naming a charset other than UTF-8 is one the server cannot produce.
    /// </summary>
    public static ResponseMediaType? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            // An Accept header that does not parse says nothing usable; answer as to a client that sent none.
            return ResponseMediaType.Json;
        }

        ResponseMediaType? best = null;
        double bestQuality = 0;
        var bestRank = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0 || !IsUtf8(range.Charset))
            {
                continue;
            }

            var (type, rank) = Classify(range);
            if (rank == 0)
            {
                continue;
            }

            if (quality > bestQuality || (quality == bestQuality && rank > bestRank))
            {
                best = type;
                bestQuality = quality;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>Whether the client accepts <c>text/html</c>, as a browser navigating to the endpoint does.</summary>
    public static bool AcceptsHtml(StringValues accept) =>
        MediaTypeHeaderValue.TryParseList(accept, out var ranges)
        && ranges.Any(r => r.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (r.Quality ?? 1.0) > 0);

    /// <summary>Whether a POST body's <c>Content-Type</c> is JSON in UTF-8 (an absent charset means UTF-8).</summary>
    public static bool IsJsonRequest(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        && IsUtf8(type.Charset);

    public static string ContentType(ResponseMediaType type) =>
        type == ResponseMediaType.GraphQLResponseJson ? GraphQLResponseJsonUtf8 : JsonUtf8;

    private static (ResponseMediaType Type, int Rank) Classify(MediaTypeHeaderValue range)
    {
        var name = range.MediaType;
        if (name.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseMediaType.GraphQLResponseJson, 3);
        }

        if (name.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseMediaType.Json, 2);
        }

        return name.Equals("application/*", StringComparison.OrdinalIgnoreCase) || name.Equals("*/*", StringComparison.Ordinal)
            ? (ResponseMediaType.Json, 1)
            : (ResponseMediaType.Json, 0);
    }

    private static bool IsUtf8(StringSegment charset)
    {
        if (!charset.HasValue)
        {
            return true;
        }

        var value = HeaderUtilities.RemoveQuotes(charset);
        return value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
