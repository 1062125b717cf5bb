using System.ComponentModel.DataAnnotations;

namespace Voting.Infrastructure.Caching;

/// <summary>
/// <c>Redis:ElectionCache</c>: how long an election with its candidates stays in Redis. Every change removes it at
/// once; the time to live is the bound on a stale read when that removal fails (Redis unreachable at that moment).
/// </summary>
public sealed class ElectionCacheOptions
{
    public const string SectionName = "Redis:ElectionCache";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(30);
}
