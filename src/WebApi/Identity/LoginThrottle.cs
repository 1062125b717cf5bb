using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Errors;
using ErrorCodes = Voting.Domain.Common.ErrorCodes;

namespace Voting.WebApi.Identity;

/// <summary>
/// Limits login attempts per citizen ID (against guessing one account's password) and per client
/// address (against trying many accounts), in fixed windows, in this process. A refused attempt
/// answers RATE_LIMITED with <c>retryAfter</c> seconds and never reaches the password check.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byCitizen;
    private readonly PartitionedRateLimiter<string> _byAddress;

    public LoginThrottle(IOptions<LoginThrottleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _byCitizen = Create(value.PerCitizenId, value.Window);
        _byAddress = Create(value.PerAddress, value.Window);
    }

    /// <summary>Takes one attempt for both keys, or throws RATE_LIMITED.</summary>
    public void Attempt(string citizenId, string? address)
    {
        ArgumentNullException.ThrowIfNull(citizenId);
        var digits = new string([.. citizenId.Where(char.IsAsciiDigit)]);
        using var byAddress = _byAddress.AttemptAcquire(address ?? "unknown");
        Ensure(byAddress);
        using var byCitizen = _byCitizen.AttemptAcquire(digits.Length == 0 ? citizenId : digits);
        Ensure(byCitizen);
    }

    public void Dispose()
    {
        _byCitizen.Dispose();
        _byAddress.Dispose();
    }

    private static void Ensure(RateLimitLease lease)
    {
        if (lease.IsAcquired)
        {
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        throw new GraphQLException(
            $"Too many login attempts; try again in {retryAfter.ToString(CultureInfo.InvariantCulture)} seconds.",
            ErrorCodes.RateLimited,
            new Dictionary<string, object?> { ["retryAfter"] = retryAfter });
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
