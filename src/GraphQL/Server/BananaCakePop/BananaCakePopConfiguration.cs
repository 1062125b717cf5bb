using System.Text.Json;

namespace Voting.GraphQL.Server.BananaCakePop;

/// <summary>
/// The <c>bcp-config.json</c> that the IDE fetches from its own folder when it starts (it asks for
/// <c>&lt;page URL&gt;/bcp-config.json</c>; without one it opens unconnected and asks for an endpoint).
/// </summary>
/// <remarks>
/// Keys the 18.0.0 package reads: <c>useBrowserUrlAsEndpoint</c> with <c>endpoint</c> resolves the
/// endpoint against the page's own URL, so it stays right behind a proxy or another host name;
/// <c>title</c> ends the browser tab's title; <c>disableTelemetry</c> stops its periodic POST to
/// ChilliCream's telemetry service (no <c>gaTrackingId</c> means no Google Analytics either). The
/// package takes no subscription URL from this file: it derives it from the HTTP endpoint by turning
/// http into ws, which gives ws(s)://&lt;host&gt;&lt;graphql path&gt;, where our subscriptions are served.
/// </remarks>
internal static class BananaCakePopConfiguration
{
    internal const string FileName = "bcp-config.json";

    internal const string Title = "Voting";

    /// <summary>The configuration for an IDE whose GraphQL endpoint is <paramref name="endpointPath"/> on the page's origin.</summary>
    public static byte[] Create(string endpointPath)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("title", Title);
            json.WriteBoolean("useBrowserUrlAsEndpoint", true);
            json.WriteString("endpoint", endpointPath);
            json.WriteBoolean("disableTelemetry", true);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
