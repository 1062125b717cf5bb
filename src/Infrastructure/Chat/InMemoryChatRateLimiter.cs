using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Chat;

/// <summary>
/// The send limit of one instance: a sliding log of send times per user and room, so "5 in 5 s"
/// holds over every 5-second span, not per fixed window (which would let 10 through across a
/// window's edge). Instances behind a load balancer need the shared (Redis) limiter instead.
/// </summary>
internal sealed class InMemoryChatRateLimiter(IOptions<ChatRateLimitOptions> options, IClock clock) : IChatRateLimiter
{
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<(UserId User, RoomId Room), Queue<DateTimeOffset>> _sends = new();
    private int _acquisitions;

    public ValueTask<TimeSpan?> TryAcquireAsync(UserId userId, RoomId roomId, CancellationToken cancellationToken)
    {
        var limit = options.Value;
        var now = clock.UtcNow;
        var log = _sends.GetOrAdd((userId, roomId), _ => new Queue<DateTimeOffset>());
        TimeSpan? wait;
        lock (log)
        {
            Expire(log, now - limit.Window);
            if (log.Count >= limit.Messages)
            {
                wait = log.Peek() + limit.Window - now;
            }
            else
            {
                log.Enqueue(now);
                wait = null;
            }
        }

        if (Interlocked.Increment(ref _acquisitions) % SweepEvery == 0)
        {
            Sweep(now - limit.Window);
        }

        return ValueTask.FromResult(wait);
    }

    private static void Expire(Queue<DateTimeOffset> log, DateTimeOffset horizon)
    {
        while (log.Count > 0 && log.Peek() <= horizon)
        {
            log.Dequeue();
        }
    }

    // Forgets users who stopped sending, so the map does not grow with every pair ever seen.
    private void Sweep(DateTimeOffset horizon)
    {
        foreach (var (key, log) in _sends)
        {
            lock (log)
            {
                Expire(log, horizon);
                if (log.Count == 0)
                {
                    _sends.TryRemove(new KeyValuePair<(UserId, RoomId), Queue<DateTimeOffset>>(key, log));
                }
            }
        }
    }
}
