using System.Collections.Concurrent;
using Voting.Application.Chat;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.WebApi.GraphQL.Chat;

namespace Voting.WebApi.Tests.GraphQL.Chat;

/// <summary>
/// Holds the room events the use cases publish after their commits until the test releases them,
/// in the order it likes: publishes that arrive late, out of order, twice or never.
/// </summary>
internal sealed class HeldRoomEventPublisher : IRoomEventPublisher
{
    private readonly ConcurrentQueue<RoomEventView> _held = new();

    public ITopicEventSender? Sender { get; set; }

    public Task PublishAsync(IReadOnlyList<RoomEventView> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var roomEvent in events)
        {
            _held.Enqueue(roomEvent);
        }

        return Task.CompletedTask;
    }

    /// <summary>Publishes the held events with <paramref name="sequence"/>, as the real publisher would.</summary>
    public async Task ReleaseAsync(params long[] sequence)
    {
        var sender = Sender ?? throw new InvalidOperationException("Give the host's topic sender first.");
        foreach (var wanted in sequence)
        {
            var roomEvent = _held.Single(e => e.Sequence == wanted);
            await sender.SendAsync(RoomEventTopic.For(roomEvent.RoomId), roomEvent, TestContext.Current.CancellationToken);
        }
    }
}
