using Microsoft.Extensions.Diagnostics.HealthChecks;
using Voting.Infrastructure.Redis;

namespace Voting.WebApi.Health;

/// <summary>Redis answers PING: without it subscriptions stop crossing instances, so the instance is not ready.</summary>
internal sealed class RedisHealthCheck(RedisClient redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var roundTrip = await redis.PingAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"PING answered in {roundTrip.TotalMilliseconds:0.0} ms");
        }
        catch (RedisException exception)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", exception);
        }
    }
}
