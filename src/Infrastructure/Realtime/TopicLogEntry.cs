namespace Voting.Infrastructure.Realtime;

/// <summary>An event of a topic as Redis keeps it: its sequence, when it was published, and its serialized message (empty for the topic's end).</summary>
public readonly record struct TopicLogEntry(long Sequence, DateTimeOffset PublishedAt, ReadOnlyMemory<byte> Payload);
