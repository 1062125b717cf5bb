using System.Collections.Concurrent;
using Voting.Application.Chat;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>The host's room-event port in tests: keeps every published log entry, in publishing order.</summary>
public sealed class RecordingRoomEventPublisher : IRoomEventPublisher
{
    private readonly ConcurrentQueue<RoomEventView> _published = new();

    public IReadOnlyList<RoomEventView> Published => [.. _published];

    public Task PublishAsync(IReadOnlyList<RoomEventView> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var roomEvent in events)
        {
            _published.Enqueue(roomEvent);
        }

        return Task.CompletedTask;
    }

    public void Clear() => _published.Clear();
}
