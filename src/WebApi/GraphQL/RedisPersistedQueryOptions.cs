namespace Voting.WebApi.GraphQL;

/// <summary><c>Redis:PersistedQueries</c>: how long a persisted query stays in Redis after it was last registered.</summary>
public sealed class RedisPersistedQueryOptions
{
    public const string SectionName = "Redis:PersistedQueries";

    /// <summary>
    /// Zero keeps queries until Redis evicts them. The default bounds what clients can make the store hold; a query that
    /// expired costs its client one round trip (<c>PERSISTED_QUERY_NOT_FOUND</c>, then the query with its hash).
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(1);
}
