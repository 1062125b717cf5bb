using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Voting.Infrastructure.Chat;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.RateLimiting;

/// <summary>
/// The chat send limit held in Redis, so that a user cannot multiply it by the number of instances. While Redis cannot
/// answer, this instance's own limiter holds the limit for the sends it serves, rather than letting every send through
/// or refusing every one.
/// </summary>
internal sealed partial class RedisChatRateLimiter(
    RedisRateLimiter shared,
    InMemoryChatRateLimiter local,
    IOptions<ChatRateLimitOptions> options,
    IClock clock,
    ILogger<RedisChatRateLimiter> logger) : IChatRateLimiter
{
    public async ValueTask<TimeSpan?> TryAcquireAsync(UserId userId, RoomId roomId, CancellationToken cancellationToken)
    {
        var limit = options.Value;
        try
        {
            return await shared.TryAcquireAsync([new RateLimitRule(Key(userId, roomId), limit.Messages, limit.Window)], clock.UtcNow, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisException exception)
        {
            LogFallback(logger, exception);
            return await local.TryAcquireAsync(userId, roomId, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Key(UserId userId, RoomId roomId) => $"chat:{userId.Value:N}:{roomId.Value:N}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared chat send limit is unavailable; this instance limits its own sends")]
    private static partial void LogFallback(ILogger logger, Exception exception);
}
