namespace Voting.Infrastructure.Realtime;

/// <summary>How topic logs live in Redis (<c>Redis:Topics</c>; the key prefix is <c>Redis:KeyPrefix</c>).</summary>
public sealed class RedisTopicLogOptions
{
    public const string SectionName = "Redis:Topics";

    /// <summary>Prefix of every key and channel: <c>Redis:KeyPrefix</c>, shared with the rest of what the application keeps in Redis.</summary>
    public string KeyPrefix { get; set; } = "voting:";

    /// <summary>
    /// A topic nobody published to for this long is dropped from Redis (its log and counter): an ended
    /// election's topics do not stay forever. Its next event then starts a new, higher range of sequences.
    /// </summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(7);
}
