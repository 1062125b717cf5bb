using Microsoft.Extensions.Options;
using Voting.Infrastructure.Caching;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.RateLimiting;

/// <summary>
/// Rate limits every instance shares (ADR 0030): a sliding log per key, a sorted set of acquisition times, checked and
/// taken by one Lua script so that concurrent instances cannot both take the last permit. An acquisition under several
/// rules (a login: its address and its citizen ID) is taken from all of them or from none. Each key expires one window
/// after its last acquisition. Times come from the caller's clock in milliseconds; instances whose clocks differ by a
/// few milliseconds shift a window's edge by as much.
/// </summary>
public sealed class RedisRateLimiter(RedisClient redis, IOptions<RedisKeyOptions> keys)
{
    // KEYS: one sorted set per rule; ARGV[1] now (ms), ARGV[2] a member unique to this acquisition, then a limit and a window (ms) per key.
    // Returns 0 when taken, else the milliseconds until every refusing rule has a permit free.
    private static readonly RedisScript Acquire = new("""
        local now = tonumber(ARGV[1])
        local wait = 0
        for i, key in ipairs(KEYS) do
          local limit = tonumber(ARGV[1 + 2 * i])
          local window = tonumber(ARGV[2 + 2 * i])
          redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
          local count = redis.call('ZCARD', key)
          if count >= limit then
            local freeing = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
            local until_free = tonumber(freeing[2]) + window - now
            if until_free > wait then
              wait = until_free
            end
          end
        end
        if wait > 0 then
          return wait
        end
        for i, key in ipairs(KEYS) do
          redis.call('ZADD', key, now, ARGV[2])
          redis.call('PEXPIRE', key, ARGV[2 + 2 * i])
        end
        return 0
        """);

    /// <summary>The key under which <paramref name="key"/>'s acquisitions are kept (for tests and operators).</summary>
    public string RedisKey(string key) => $"{keys.Value.KeyPrefix}ratelimit:{key}";

    /// <summary>
    /// Takes one permit under every rule at <paramref name="now"/>: null when taken, otherwise how long until all of
    /// them have one free (nothing is taken then). Throws <see cref="RedisException"/> when Redis cannot answer.
    /// </summary>
    public async ValueTask<TimeSpan?> TryAcquireAsync(IReadOnlyList<RateLimitRule> rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            throw new ArgumentException("At least one rule is needed.", nameof(rules));
        }

        var redisKeys = new string[rules.Count];
        var arguments = new RedisValue[2 + (2 * rules.Count)];
        arguments[0] = now.ToUnixTimeMilliseconds();
        arguments[1] = Guid.NewGuid().ToString("N");
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            ArgumentException.ThrowIfNullOrEmpty(rule.Key);
            ArgumentOutOfRangeException.ThrowIfLessThan(rule.Limit, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(rule.Window, TimeSpan.FromMilliseconds(1));
            redisKeys[i] = RedisKey(rule.Key);
            arguments[2 + (2 * i)] = rule.Limit;
            arguments[3 + (2 * i)] = (long)Math.Ceiling(rule.Window.TotalMilliseconds);
        }

        var reply = await redis.EvalAsync(Acquire, redisKeys, arguments, cancellationToken).ConfigureAwait(false);
        var wait = reply.AsInt64();
        return wait <= 0 ? null : TimeSpan.FromMilliseconds(wait);
    }
}
