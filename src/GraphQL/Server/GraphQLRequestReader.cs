using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Voting.GraphQL.Execution;

namespace Voting.GraphQL.Server;

/// <summary>
/// Reads the request parameters from a POST body (a JSON object) or a GET query string (each parameter
/// URL-encoded, <c>variables</c> and <c>extensions</c> as JSON text). A request that does not fit that shape
/// is not a well-formed GraphQL-over-HTTP request: the caller answers 400 with the returned message.
/// </summary>
internal static class GraphQLRequestReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>
    /// Reads and parses a POST body, or gives null when it is larger than <paramref name="maxBytes"/>
    /// (checked on Content-Length first, then while reading, so a chunked body cannot exceed it either).
    /// </summary>
    public static async Task<RequestReadResult?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                var parsed = ReadJson(buffer);
                reader.AdvanceTo(buffer.End);
                return parsed;
            }

            // Nothing consumed, everything examined: the next read returns this data and more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>The request in <paramref name="body"/>, or the reason it is malformed.</summary>
    public static RequestReadResult ReadJson(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
        {
            return RequestReadResult.Malformed("The request body is empty; it must be a JSON object with a \"query\".");
        }

        try
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return RequestReadResult.Malformed("The request body must be a JSON object.");
            }

            string? query = null;
            string? operationName = null;
            IReadOnlyDictionary<string, object?>? variables = null;
            IReadOnlyDictionary<string, object?>? extensions = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("query"u8))
                {
                    reader.Read();
                    if (!TryReadString(ref reader, out query))
                    {
                        return RequestReadResult.Malformed(MustBeString("query"));
                    }
                }
                else if (reader.ValueTextEquals("operationName"u8))
                {
                    reader.Read();
                    if (!TryReadString(ref reader, out operationName))
                    {
                        return RequestReadResult.Malformed(MustBeString("operationName"));
                    }
                }
                else if (reader.ValueTextEquals("variables"u8))
                {
                    reader.Read();
                    if (!TryReadMap(ref reader, out variables))
                    {
                        return RequestReadResult.Malformed(MustBeObject("variables"));
                    }
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    reader.Read();
                    if (!TryReadMap(ref reader, out extensions))
                    {
                        return RequestReadResult.Malformed(MustBeObject("extensions"));
                    }
                }
                else
                {
                    // Parameters the specification does not name are left alone, as it allows.
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                return RequestReadResult.Malformed("The request body must hold one JSON object and nothing after it.");
            }

            return RequestReadResult.Success(new GraphQLRequest(query, operationName, variables, extensions));
        }
        catch (JsonException)
        {
            return RequestReadResult.Malformed("The request body is not valid JSON.");
        }
    }

    /// <summary>The request in a GET query string, or the reason it is malformed.</summary>
    public static RequestReadResult ReadQueryString(IQueryCollection parameters)
    {
        if (!TrySingle(parameters, "query", out var query)
            || !TrySingle(parameters, "operationName", out var operationName)
            || !TrySingle(parameters, "variables", out var variablesText)
            || !TrySingle(parameters, "extensions", out var extensionsText))
        {
            return RequestReadResult.Malformed("Each GraphQL request parameter may appear once in the query string.");
        }

        if (!TryParseMap(variablesText, out var variables))
        {
            return RequestReadResult.Malformed(MustBeObject("variables"));
        }

        if (!TryParseMap(extensionsText, out var extensions))
        {
            return RequestReadResult.Malformed(MustBeObject("extensions"));
        }

        return RequestReadResult.Success(new GraphQLRequest(query, operationName, variables, extensions));
    }

    private static string MustBeString(string parameter) => $"The \"{parameter}\" parameter must be a string.";

    private static string MustBeObject(string parameter) => $"The \"{parameter}\" parameter must be a JSON object.";

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool TryReadMap(ref Utf8JsonReader reader, out IReadOnlyDictionary<string, object?>? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        value = (IReadOnlyDictionary<string, object?>?)JsonValues.Read(ref reader);
        return true;
    }

    private static bool TrySingle(IQueryCollection parameters, string name, out string? value)
    {
        var values = parameters[name];
        value = values.Count == 0 ? null : values[0];
        return values.Count <= 1;
    }

    private static bool TryParseMap(string? text, out IReadOnlyDictionary<string, object?>? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), ReaderOptions);
            return reader.Read() && TryReadMap(ref reader, out value) && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
