using System.Text.Json;

namespace Voting.GraphQL.Server.WebSockets;

/// <summary>A message a graphql-transport-ws client may send, checked against the protocol's shapes.</summary>
internal sealed record ClientMessage(string Type, string? Id, IReadOnlyDictionary<string, object?>? Payload, GraphQLRequest? Request)
{
    public const string ConnectionInit = "connection_init";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string Subscribe = "subscribe";
    public const string Complete = "complete";

    /// <summary>Reads one text message; null with the close reason when it is not JSON or not a message a client may send.</summary>
    public static ClientMessage? Parse(ReadOnlyMemory<byte> utf8, out string problem)
    {
        problem = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return Read(document.RootElement, out problem);
        }
        catch (JsonException)
        {
            problem = "Invalid message received: not JSON";
            return null;
        }
        catch (InvalidOperationException)
        {
            // Well-formed JSON whose strings are not valid text (a lone surrogate escape, "\ud800").
            problem = "Invalid message received: not JSON";
            return null;
        }
    }

    private static ClientMessage? Read(JsonElement root, out string problem)
    {
        problem = string.Empty;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            problem = "Invalid message received: a message is an object with a string \"type\"";
            return null;
        }

        var type = typeElement.GetString()!;
        switch (type)
        {
            case ConnectionInit or Ping or Pong:
                if (!MessageJson.TryReadObject(root, "payload", out var payload))
                {
                    problem = $"Invalid message received: the {type} payload must be an object";
                    return null;
                }

                return new ClientMessage(type, null, payload, null);
            case Complete:
                return TryReadId(root, out var completed, out problem) ? new ClientMessage(type, completed, null, null) : null;
            case Subscribe:
                if (!TryReadId(root, out var id, out problem))
                {
                    return null;
                }

                if (!root.TryGetProperty("payload", out var request) || request.ValueKind != JsonValueKind.Object)
                {
                    problem = "Invalid message received: subscribe needs a payload object";
                    return null;
                }

                if (!MessageJson.TryReadString(request, "query", out var query) || !MessageJson.TryReadString(request, "operationName", out var operationName)
                    || !MessageJson.TryReadObject(request, "variables", out var variables) || !MessageJson.TryReadObject(request, "extensions", out var extensions))
                {
                    problem = "Invalid message received: subscribe payload has a field of the wrong type";
                    return null;
                }

                return new ClientMessage(type, id, null, new GraphQLRequest(query, operationName, variables, extensions));
            default:
                problem = $"Invalid message received: unexpected type \"{MessageJson.Shorten(type)}\"";
                return null;
        }
    }

    private static bool TryReadId(JsonElement root, out string id, out string problem)
    {
        id = string.Empty;
        problem = string.Empty;
        if (!root.TryGetProperty("id", out var element) || element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } text)
        {
            problem = "Invalid message received: a non-empty string \"id\" is required";
            return false;
        }

        id = text;
        return true;
    }
}
