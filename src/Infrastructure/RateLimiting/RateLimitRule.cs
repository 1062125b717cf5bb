namespace Voting.Infrastructure.RateLimiting;

/// <summary>At most <paramref name="Limit"/> acquisitions under <paramref name="Key"/> in any span of <paramref name="Window"/>.</summary>
public readonly record struct RateLimitRule(string Key, int Limit, TimeSpan Window);
