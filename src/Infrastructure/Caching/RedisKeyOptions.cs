using System.ComponentModel.DataAnnotations;

namespace Voting.Infrastructure.Caching;

/// <summary>
/// <c>Redis:KeyPrefix</c>: the prefix of every key this application writes (cached elections, persisted queries,
/// rate-limit counters), so that several deployments, or tests, can share one Redis database without meeting.
/// </summary>
public sealed class RedisKeyOptions
{
    public const string SectionName = "Redis";

    public const string DefaultKeyPrefix = "voting:";

    [Required(AllowEmptyStrings = false)]
    [MaxLength(100)]
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;
}
