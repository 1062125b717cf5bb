using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Voting.Benchmarks.Votes;

/// <summary>POSTs GraphQL requests; the answer's <c>data</c>, or the first error's <c>extensions.code</c>.</summary>
internal sealed class GraphQLHttp(HttpClient http, Uri url)
{
    public static HttpClient KeepAliveClient(int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>The answer: <c>data</c> when there are no errors, else <c>Code</c> is the first error's code (or HTTP_nnn).</summary>
    public Task<(JsonElement Data, string? Code)> PostAsync(
        string query, object? variables, string? token, CancellationToken cancellationToken) =>
        PostAsync(Body(query, variables), token, cancellationToken);

    /// <summary>The request body, built once when many requests share it.</summary>
    public static byte[] Body(string query, object? variables) => JsonSerializer.SerializeToUtf8Bytes(new { query, variables });

    public async Task<(JsonElement Data, string? Code)> PostAsync(byte[] requestBody, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(requestBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = TryParse(body);
        if (document is null)
        {
            return (default, $"HTTP_{(int)response.StatusCode}");
        }

        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            return (default, errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
                ? code.GetString()
                : "NO_CODE");
        }

        return root.TryGetProperty("data", out var data) && response.IsSuccessStatusCode
            ? (data.Clone(), null)
            : (default, $"HTTP_{(int)response.StatusCode}");
    }

    /// <summary>For set-up steps, which must succeed: the data, or an exception naming the step.</summary>
    public async Task<JsonElement> RequireAsync(string step, string query, object? variables, string? token, CancellationToken cancellationToken)
    {
        var (data, code) = await PostAsync(query, variables, token, cancellationToken).ConfigureAwait(false);
        return code is null ? data : throw new InvalidOperationException($"{step} failed: {code}.");
    }

    private static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            Console.Error.WriteLine($"Not JSON: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)))}");
            return null;
        }
    }
}
