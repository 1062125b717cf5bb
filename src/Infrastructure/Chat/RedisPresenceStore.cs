using System.Globalization;
using Voting.Application.Chat.Presence;
using Voting.Domain.Chat;
using Voting.Domain.Users;
using Voting.Infrastructure.Realtime;
using Voting.Infrastructure.Redis;

namespace Voting.Infrastructure.Chat;

/// <summary>
/// Presence shared by the instances through Redis. Per room two sorted sets hold the same members,
/// <c>{user}/{connection}</c>: one scored by expiry (unix ms) says which are live and which to prune, one with
/// every score 0 lists a user's connections by lexical range, so neither write scans the whole room.
/// Expired members are pruned by the writes; reads only skip them. Keys live under the topic key prefix
/// (<c>Redis:KeyPrefix</c>) and expire when a room has had no heartbeat for a while.
/// </summary>
internal sealed class RedisPresenceStore(RedisClient redis, RedisTopicLogOptions options) : IPresenceStore
{
    // At most this many expired members are pruned per write (Lua's unpack has a stack limit); the next write takes the rest.
    private const int PruneBatch = 1000;

    // KEYS: by expiry, by name. ARGV: now (ms), prune batch, key expiry (s).
    private const string PruneLua = """
        local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
        if #gone > 0 then
          redis.call('ZREM', KEYS[1], unpack(gone))
          redis.call('ZREM', KEYS[2], unpack(gone))
        end
        """;

    // ARGV 4..7: member, expiry (ms), the user's lexical range.
    private static readonly RedisScript MarkOnline = new(PruneLua + "\n" + """
        local before = #redis.call('ZRANGEBYLEX', KEYS[2], ARGV[6], ARGV[7], 'LIMIT', 0, 1)
        redis.call('ZADD', KEYS[1], ARGV[5], ARGV[4])
        redis.call('ZADD', KEYS[2], 0, ARGV[4])
        redis.call('EXPIRE', KEYS[1], ARGV[3])
        redis.call('EXPIRE', KEYS[2], ARGV[3])
        if before == 0 then return 1 end
        return 0
        """);

    // ARGV 4..6: member, the user's lexical range.
    private static readonly RedisScript MarkOffline = new(PruneLua + "\n" + """
        redis.call('ZREM', KEYS[1], ARGV[4])
        redis.call('ZREM', KEYS[2], ARGV[4])
        return #redis.call('ZRANGEBYLEX', KEYS[2], ARGV[5], ARGV[6], 'LIMIT', 0, 1)
        """);

    /// <summary>How long a room's keys outlive its last write; far above any heartbeat.</summary>
    private static readonly TimeSpan KeyExpiry = TimeSpan.FromHours(1);

    private readonly string _prefix = options.KeyPrefix + "presence:";

    public async Task<bool> MarkOnlineAsync(RoomId roomId, UserId userId, string connectionId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (min, max) = UserRange(userId);
        var reply = await redis.EvalAsync(
            MarkOnline,
            Keys(roomId),
            [now.ToUnixTimeMilliseconds(), PruneBatch, (long)KeyExpiry.TotalSeconds, Member(userId, connectionId), expiresAt.ToUnixTimeMilliseconds(), min, max],
            cancellationToken).ConfigureAwait(false);
        return reply.AsInt64() == 1;
    }

    public async Task<bool> MarkOfflineAsync(RoomId roomId, UserId userId, string connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (min, max) = UserRange(userId);
        var reply = await redis.EvalAsync(
            MarkOffline,
            Keys(roomId),
            [now.ToUnixTimeMilliseconds(), PruneBatch, (long)KeyExpiry.TotalSeconds, Member(userId, connectionId), min, max],
            cancellationToken).ConfigureAwait(false);
        return reply.AsInt64() == 0;
    }

    public async Task<IReadOnlyList<UserId>> ListOnlineAsync(RoomId roomId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // "(" makes the bound exclusive: a member is live while now is before its expiry.
        var reply = await redis.ExecuteAsync(
            "ZRANGEBYSCORE",
            [Keys(roomId)[0], "(" + now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), "+inf"],
            cancellationToken).ConfigureAwait(false);
        var users = new SortedSet<UserId>(Comparer<UserId>.Create((x, y) => x.Value.CompareTo(y.Value)));
        foreach (var member in reply.Elements)
        {
            var text = member.AsString()!;
            users.Add(new UserId(Guid.ParseExact(text.AsSpan(0, 32), "N")));
        }

        return [.. users];
    }

    private string[] Keys(RoomId roomId)
    {
        var room = roomId.Value.ToString("N");
        return [$"{_prefix}{room}:expiry", $"{_prefix}{room}:name"];
    }

    // A user's 32 hex digits, then '/': every member of one user sorts between "[{user}/" and "({user}0" ('0' follows '/').
    private static string Member(UserId userId, string connectionId) => $"{userId.Value:N}/{connectionId}";

    private static (string Min, string Max) UserRange(UserId userId) => ($"[{userId.Value:N}/", $"({userId.Value:N}0");
}
