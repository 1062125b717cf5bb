namespace Voting.Infrastructure.Outbox;

/// <summary>A domain event stored in the transaction that raised it, delivered after commit by <see cref="OutboxDispatcher"/>.</summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>While in the future, the row is claimed by a dispatcher (or waiting out a retry backoff).</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
