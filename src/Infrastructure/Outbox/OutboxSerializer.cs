using System.Collections.Frozen;
using System.Text.Json;
using Voting.Domain.Common;

namespace Voting.Infrastructure.Outbox;

/// <summary>Turns domain events into outbox rows and back. The type is stored by its short name, which never changes once released.</summary>
internal static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static OutboxMessage ToMessage(IDomainEvent domainEvent) => new()
    {
        Type = domainEvent.GetType().Name,
        Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Options),
        OccurredAt = domainEvent.OccurredAt,
    };

    public static IDomainEvent ToEvent(OutboxMessage message) =>
        TypesByName.TryGetValue(message.Type, out var type)
            ? (IDomainEvent)(JsonSerializer.Deserialize(message.Payload, type, Options)
                ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload."))
            : throw new InvalidOperationException($"Outbox message {message.Id} has unknown type '{message.Type}'.");
}
