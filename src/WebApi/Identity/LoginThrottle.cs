using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Errors;
using Voting.Infrastructure.RateLimiting;
using Voting.Infrastructure.Redis;
using ErrorCodes = Voting.Domain.Common.ErrorCodes;

namespace Voting.WebApi.Identity;

/// <summary>
/// Limits login attempts per citizen ID (against guessing one account's password) and per client
/// address (against trying many accounts). A refused attempt answers RATE_LIMITED with <c>retryAfter</c>
/// seconds and never reaches the password check. With Redis configured the counts are shared by every
/// instance (sliding windows, ADR 0030), so a guesser cannot multiply the limit by spreading attempts
/// over instances; otherwise, and while Redis cannot answer, they are this process's fixed windows.
/// </summary>
public sealed partial class LoginThrottle : IDisposable
{
    /// <summary>The longest citizen ID kept as a key: anything longer is not a citizen ID and must not grow the store.</summary>
    private const int MaxKeyLength = 64;

    private readonly LoginThrottleOptions _options;
    private readonly PartitionedRateLimiter<string> _byCitizen;
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly RedisRateLimiter? _shared;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LoginThrottle(IOptions<LoginThrottleOptions> options, TimeProvider time, ILogger<LoginThrottle> logger, RedisRateLimiter? shared = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _byCitizen = Create(_options.PerCitizenId, _options.Window);
        _byAddress = Create(_options.PerAddress, _options.Window);
        _time = time;
        _logger = logger;
        _shared = shared;
    }

    /// <summary>Takes one attempt for both keys, or throws RATE_LIMITED.</summary>
    public async ValueTask AttemptAsync(string citizenId, string? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(citizenId);
        var digits = new string([.. citizenId.Where(char.IsAsciiDigit)]);
        var citizenKey = digits.Length == 0 ? citizenId : digits;
        citizenKey = citizenKey.Length > MaxKeyLength ? citizenKey[..MaxKeyLength] : citizenKey;
        var addressKey = address ?? "unknown";
        if (_shared is not null)
        {
            try
            {
                var wait = await _shared.TryAcquireAsync(
                    [
                        new RateLimitRule($"login:address:{addressKey}", _options.PerAddress, _options.Window),
                        new RateLimitRule($"login:citizen:{citizenKey}", _options.PerCitizenId, _options.Window),
                    ],
                    _time.GetUtcNow(),
                    cancellationToken).ConfigureAwait(false);
                if (wait is { } retryAfter)
                {
                    throw RateLimited(retryAfter);
                }

                return;
            }
            catch (RedisException exception)
            {
                LogFallback(_logger, exception);
            }
        }

        using var byAddress = _byAddress.AttemptAcquire(addressKey);
        Ensure(byAddress);
        using var byCitizen = _byCitizen.AttemptAcquire(citizenKey);
        Ensure(byCitizen);
    }

    public void Dispose()
    {
        _byCitizen.Dispose();
        _byAddress.Dispose();
    }

    private static void Ensure(RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            throw RateLimited(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60));
        }
    }

    private static GraphQLException RateLimited(TimeSpan wait)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return new GraphQLException(
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared login limit is unavailable; this instance limits its own login attempts")]
    private static partial void LogFallback(ILogger logger, Exception exception);
}
