using System.Collections.Concurrent;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>
/// Publishes typing signals on the room's <see cref="TypingTopic"/>, at most one per member and room
/// every <see cref="Interval"/>: clients send one per keystroke, watchers need one every few seconds.
/// </summary>
internal sealed class TopicTypingNotifier(ITopicEventSender sender, IClock clock) : ITypingNotifier
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(RoomId Room, UserId User), DateTimeOffset> _lastSent = new();

    public async Task<bool> NotifyAsync(RoomId roomId, UserId userId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var key = (roomId, userId);
        while (true)
        {
            if (_lastSent.TryGetValue(key, out var last))
            {
                if (now - last < Interval)
                {
                    return false;
                }

                if (!_lastSent.TryUpdate(key, now, last))
                {
                    continue; // another signal of this member raced this one
                }
            }
            else if (!_lastSent.TryAdd(key, now))
            {
                continue;
            }

            break;
        }

        Forget(now);
        await sender.SendAsync(TypingTopic.For(roomId), new TypingNode(roomId.Value, userId.Value, now), cancellationToken).ConfigureAwait(false);
        return true;
    }

    // Members who stopped typing long ago are forgotten, so the map holds only recent typists.
    private void Forget(DateTimeOffset now)
    {
        if (_lastSent.Count < 10_000)
        {
            return;
        }

        foreach (var (key, at) in _lastSent)
        {
            if (now - at >= Interval)
            {
                _lastSent.TryRemove(new KeyValuePair<(RoomId, UserId), DateTimeOffset>(key, at));
            }
        }
    }
}
