using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Caching;

/// <summary>
/// Elections with their candidates as JSON in Redis, shared by every instance (ADR 0030). A read that misses loads
/// from the database and stores what it read only if no change was committed meanwhile: each election has a
/// generation counter that every invalidation increments, and the store is a script that writes only while the
/// generation is still the one seen before the load. So a reader that loaded just before a commit cannot put the
/// old election back after the commit removed it. Redis failing never fails a read: it is then answered from the
/// database. A failed invalidation leaves the old entry until its time to live runs out, the bound on staleness.
/// </summary>
internal sealed partial class RedisElectionCache(
    RedisClient redis,
    IOptions<RedisKeyOptions> keys,
    IOptions<ElectionCacheOptions> options,
    ILogger<RedisElectionCache> logger)
{
    /// <summary>
    /// How long a generation counter outlives its election's last change: far longer than any load between reading the
    /// generation and storing, so that a counter never expires under a reader and comes back at a value it saw.
    /// </summary>
    internal static readonly TimeSpan GenerationTimeToLive = TimeSpan.FromHours(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS[1] the entry, KEYS[2] its generation; ARGV[1] the generation seen before loading ('' for none), ARGV[2] the JSON, ARGV[3] the TTL in ms.
    private static readonly RedisScript StoreIfUnchanged = new("""
        local generation = redis.call('GET', KEYS[2]) or ''
        if generation ~= ARGV[1] then
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """);

    // KEYS: entry and generation pairs; ARGV[1] the generation's TTL in ms.
    private static readonly RedisScript Invalidate = new("""
        for i = 1, #KEYS, 2 do
          redis.call('DEL', KEYS[i])
          redis.call('INCR', KEYS[i + 1])
          redis.call('PEXPIRE', KEYS[i + 1], ARGV[1])
        end
        return #KEYS / 2
        """);

    /// <summary>The cached election, else <paramref name="load"/>'s (stored when not null and nothing changed meanwhile).</summary>
    public async Task<ElectionDetails?> GetOrLoadAsync(ElectionId id, Func<CancellationToken, Task<ElectionDetails?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var entryKey = EntryKey(id);
        var generationKey = GenerationKey(id);
        RedisValue generation;
        try
        {
            var values = await redis.MGetAsync([entryKey, generationKey], cancellationToken).ConfigureAwait(false);
            if (!values[0].IsNull && Deserialize(values[0], id) is { } cached)
            {
                return cached;
            }

            generation = values[1];
        }
        catch (RedisException exception)
        {
            LogReadFailed(logger, id, exception);
            return await load(cancellationToken).ConfigureAwait(false);
        }

        var election = await load(cancellationToken).ConfigureAwait(false);
        if (election is not null)
        {
            await StoreAsync(id, entryKey, generationKey, generation, election, cancellationToken).ConfigureAwait(false);
        }

        return election;
    }

    /// <summary>Removes the elections from the cache and moves their generations on; a failure is logged, never thrown.</summary>
    public async Task InvalidateAsync(IReadOnlyCollection<ElectionId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        var keyList = new List<string>(ids.Count * 2);
        foreach (var id in ids)
        {
            keyList.Add(EntryKey(id));
            keyList.Add(GenerationKey(id));
        }

        try
        {
            await redis.EvalAsync(Invalidate, keyList, [(long)GenerationTimeToLive.TotalMilliseconds], cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException exception)
        {
            LogInvalidationFailed(logger, ids.Count, options.Value.TimeToLive, exception);
        }
    }

    internal string EntryKey(ElectionId id) => $"{keys.Value.KeyPrefix}election:{id.Value:N}";

    internal string GenerationKey(ElectionId id) => $"{keys.Value.KeyPrefix}election:{id.Value:N}:generation";

    private async Task StoreAsync(ElectionId id, string entryKey, string generationKey, RedisValue generation, ElectionDetails election, CancellationToken cancellationToken)
    {
        try
        {
            var json = JsonSerializer.Serialize(election, Json);
            await redis.EvalAsync(
                StoreIfUnchanged,
                [entryKey, generationKey],
                [generation.IsNull ? string.Empty : generation.ToString(), json, (long)options.Value.TimeToLive.TotalMilliseconds],
                cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException exception)
        {
            LogWriteFailed(logger, id, exception);
        }
    }

    private ElectionDetails? Deserialize(RedisValue value, ElectionId id)
    {
        try
        {
            return JsonSerializer.Deserialize<ElectionDetails>(value.ToString()!, Json);
        }
        catch (JsonException exception)
        {
            // An entry written by another version of the application: read the database and overwrite it.
            LogUnreadableEntry(logger, id, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading election {ElectionId} from the Redis cache failed; reading the database")]
    private static partial void LogReadFailed(ILogger logger, ElectionId electionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Caching election {ElectionId} in Redis failed")]
    private static partial void LogWriteFailed(ILogger logger, ElectionId electionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cached election {ElectionId} could not be read; loading it again")]
    private static partial void LogUnreadableEntry(ILogger logger, ElectionId electionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Removing {Count} changed elections from the Redis cache failed; other instances may read them stale for up to {TimeToLive}")]
    private static partial void LogInvalidationFailed(ILogger logger, int count, TimeSpan timeToLive, Exception exception);
}
