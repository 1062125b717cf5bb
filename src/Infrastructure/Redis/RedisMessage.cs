namespace Voting.Infrastructure.Redis;

/// <summary>A pub/sub message: the channel it was published to, its payload, and the pattern that matched it (PSUBSCRIBE only).</summary>
public readonly record struct RedisMessage(string Channel, RedisValue Payload, string? Pattern = null);
