namespace Voting.Infrastructure.Realtime;

/// <summary>Where topic logs live in Redis (<c>Redis:Topics</c>).</summary>
public sealed class RedisTopicLogOptions
{
    public const string SectionName = "Redis:Topics";

    /// <summary>Prefix of every key and channel, so that several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "voting:";

    /// <summary>
    /// A topic nobody published to for this long is dropped from Redis (its log and counter): an ended
    /// election's topics do not stay forever. Its next event then starts a new, higher range of sequences.
    /// </summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(7);
}
