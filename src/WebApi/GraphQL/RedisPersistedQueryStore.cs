using Microsoft.Extensions.Options;
using Voting.GraphQL.Server;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.Redis;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// Automatic persisted queries in Redis (<c>{prefix}pq:{sha256}</c>), so a hash any instance learned is answered by
/// all of them (ADR 0030). The engine checks the hash before it stores and parses what it reads, and a query is
/// immutable under its hash, so the store holds no logic beyond expiry. Redis being unreachable costs a client one
/// round trip (the query is reported not found and comes again in full), never a failed request.
/// </summary>
internal sealed partial class RedisPersistedQueryStore(
    RedisClient redis,
    IOptions<RedisKeyOptions> keys,
    IOptions<RedisPersistedQueryOptions> options,
    ILogger<RedisPersistedQueryStore> logger) : IPersistedQueryStore
{
    public async ValueTask<string?> TryGetAsync(string sha256Hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256Hash);
        try
        {
            var value = await redis.GetAsync(Key(sha256Hash), cancellationToken).ConfigureAwait(false);
            return value.IsNull ? null : value.ToString();
        }
        catch (RedisException exception)
        {
            LogReadFailed(logger, exception);
            return null;
        }
    }

    public async ValueTask SaveAsync(string sha256Hash, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256Hash);
        ArgumentNullException.ThrowIfNull(query);
        var timeToLive = options.Value.TimeToLive;
        try
        {
            // Written again on every registration, which starts the time to live again.
            await redis.SetAsync(Key(sha256Hash), query, timeToLive > TimeSpan.Zero ? timeToLive : null, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException exception)
        {
            LogWriteFailed(logger, exception);
        }
    }

    internal string Key(string sha256Hash) => $"{keys.Value.KeyPrefix}pq:{sha256Hash}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading a persisted query from Redis failed; the client will send it again")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a persisted query in Redis failed; other instances will not know it")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
