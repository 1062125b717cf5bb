namespace Voting.Infrastructure.Redis;

/// <summary>What XREAD returned for one stream.</summary>
public sealed record RedisStreamEntries(string Key, IReadOnlyList<RedisStreamEntry> Entries);
