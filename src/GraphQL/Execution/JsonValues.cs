using System.Text.Json;

namespace Voting.GraphQL.Execution;

/// <summary>
/// Turns request JSON (variables, extensions) into the plain values execution expects: null, bool,
/// string, int/long/decimal/double by the number's form, lists and ordered maps.
/// </summary>
public static class JsonValues
{
    /// <summary>Reads the value at the reader's current token (reading the first token if none yet).</summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static object? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw new JsonException("Expected a JSON value.");
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Read(ref reader));
                }

                return list;
            case JsonTokenType.StartObject:
                var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    map[name] = Read(ref reader);
                }

                return map;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    public static object? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt32(out var i) ? i
                    : element.TryGetInt64(out var l) ? l
                    : IsIntegral(element.GetRawText()) && element.TryGetDecimal(out var m) ? m
                    : element.GetDouble();
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromElement(item));
                }

                return list;
            default:
                var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = FromElement(property.Value);
                }

                return map;
        }
    }

    // Integers stay integers (Int and ID coercion tell 1 from 1.0); others are doubles as in JavaScript.
    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out var i))
        {
            return i;
        }

        if (reader.TryGetInt64(out var l))
        {
            return l;
        }

        var span = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        return IsIntegral(System.Text.Encoding.UTF8.GetString(span)) && reader.TryGetDecimal(out var m) ? m : reader.GetDouble();
    }

    private static bool IsIntegral(string text) => text.AsSpan().IndexOfAny(".eE") < 0;
}
