using System.Text.Json;

namespace Voting.GraphQL.Server.WebSockets.Legacy;

/// <summary>A message a subscriptions-transport-ws client may send, checked against the protocol's shapes.</summary>
internal sealed record LegacyClientMessage(string Type, string? Id, IReadOnlyDictionary<string, object?>? Payload, GraphQLRequest? Request)
{
    public const string ConnectionInit = "connection_init";
    public const string Start = "start";
    public const string Stop = "stop";
    public const string ConnectionTerminate = "connection_terminate";

    /// <summary>
    /// Reads one text message; null with what is wrong (and the message's id, when it has one) when it is not JSON
    /// or not a message a client may send. The protocol answers those with <c>error</c> and keeps the connection.
    /// </summary>
    public static LegacyClientMessage? Parse(ReadOnlyMemory<byte> utf8, out string? id, out string problem)
    {
        id = null;
        problem = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return Read(document.RootElement, out id, out problem);
        }
        catch (JsonException)
        {
            problem = "Message must be JSON-parseable.";
            return null;
        }
        catch (InvalidOperationException)
        {
            // Well-formed JSON whose strings are not valid text (a lone surrogate escape, "\ud800").
            problem = "Message must be JSON-parseable.";
            return null;
        }
    }

    private static LegacyClientMessage? Read(JsonElement root, out string? id, out string problem)
    {
        id = null;
        problem = string.Empty;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            problem = "A message is an object with a string \"type\".";
            return null;
        }

        if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String && idElement.GetString() is { Length: > 0 } text)
        {
            id = text;
        }

        var type = typeElement.GetString()!;
        switch (type)
        {
            case ConnectionInit:
                if (!MessageJson.TryReadObject(root, "payload", out var payload))
                {
                    problem = "The connection_init payload must be an object.";
                    return null;
                }

                return new LegacyClientMessage(type, null, payload, null);
            case ConnectionTerminate:
                return new LegacyClientMessage(type, null, null, null);
            case Stop when id is not null:
                return new LegacyClientMessage(type, id, null, null);
            case Start when id is not null:
                if (!root.TryGetProperty("payload", out var request) || request.ValueKind != JsonValueKind.Object)
                {
                    problem = "start needs a payload object.";
                    return null;
                }

                if (!MessageJson.TryReadString(request, "query", out var query) || !MessageJson.TryReadString(request, "operationName", out var operationName)
                    || !MessageJson.TryReadObject(request, "variables", out var variables) || !MessageJson.TryReadObject(request, "extensions", out var extensions))
                {
                    problem = "The start payload has a field of the wrong type.";
                    return null;
                }

                return new LegacyClientMessage(type, id, null, new GraphQLRequest(query, operationName, variables, extensions));
            case Start or Stop:
                problem = $"{type} needs a non-empty string \"id\".";
                return null;
            default:
                problem = $"Invalid message type \"{MessageJson.Shorten(type)}\".";
                return null;
        }
    }
}
