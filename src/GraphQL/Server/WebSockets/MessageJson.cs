using System.Text.Json;
using Voting.GraphQL.Execution;

namespace Voting.GraphQL.Server.WebSockets;

/// <summary>Reading the optional members of a client message's JSON, shared by the WebSocket protocols.</summary>
internal static class MessageJson
{
    /// <summary>An optional string: absent or null gives null; false for any other kind.</summary>
    public static bool TryReadString(JsonElement parent, string name, out string? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null;
    }

    /// <summary>An optional object: absent or null gives null; false for any other kind.</summary>
    public static bool TryReadObject(JsonElement parent, string name, out IReadOnlyDictionary<string, object?>? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.Object ? JsonValues.FromElement(element) as IReadOnlyDictionary<string, object?> : null;
        return value is not null;
    }

    public static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "...";
}
