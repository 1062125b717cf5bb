using Voting.Application.Chat.Presence;
using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Chat;

/// <summary>Presence in one process, when there is no Redis to share it: per room, each connection's expiry.</summary>
internal sealed class InMemoryPresenceStore : IPresenceStore
{
    private readonly Dictionary<RoomId, Dictionary<(UserId User, string Connection), DateTimeOffset>> _rooms = [];
    private readonly Lock _lock = new();

    public Task<bool> MarkOnlineAsync(RoomId roomId, UserId userId, string connectionId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var connections = Prune(roomId, now, create: true)!;
            var wasOnline = connections.Keys.Any(c => c.User == userId);
            connections[(userId, connectionId)] = expiresAt;
            return Task.FromResult(!wasOnline);
        }
    }

    public Task<bool> MarkOfflineAsync(RoomId roomId, UserId userId, string connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var connections = Prune(roomId, now, create: false);
            connections?.Remove((userId, connectionId));
            if (connections is { Count: 0 })
            {
                _rooms.Remove(roomId);
            }

            return Task.FromResult(connections is null || !connections.Keys.Any(c => c.User == userId));
        }
    }

    public Task<IReadOnlyList<UserId>> ListOnlineAsync(RoomId roomId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<UserId> online = Prune(roomId, now, create: false) is { } connections
                ? [.. connections.Keys.Select(c => c.User).Distinct().OrderBy(u => u.Value)]
                : [];
            return Task.FromResult(online);
        }
    }

    // Drops the room's expired connections: a connection is live while now is before its expiry.
    private Dictionary<(UserId User, string Connection), DateTimeOffset>? Prune(RoomId roomId, DateTimeOffset now, bool create)
    {
        if (!_rooms.TryGetValue(roomId, out var connections))
        {
            if (!create)
            {
                return null;
            }

            connections = [];
            _rooms[roomId] = connections;
        }

        foreach (var (key, expiresAt) in connections)
        {
            if (expiresAt <= now)
            {
                connections.Remove(key);
            }
        }

        return connections;
    }
}
