using System.Text.Json;

namespace Voting.GraphQL.Subscriptions.Topics;

/// <summary>
/// Topic messages as UTF-8 JSON with <see cref="JsonSerializerDefaults.Web"/> (or the options given).
/// A message type must round-trip: public properties read back through a constructor or setters.
/// </summary>
public sealed class JsonTopicMessageSerializer(JsonSerializerOptions? options = null) : ITopicMessageSerializer
{
    private readonly JsonSerializerOptions _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public byte[] Serialize<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, _options);

    /// <inheritdoc />
    public T Deserialize<T>(ReadOnlyMemory<byte> payload) =>
        JsonSerializer.Deserialize<T>(payload.Span, _options)
            ?? throw new JsonException($"A topic message of type {typeof(T).Name} deserialized to null.");
}
