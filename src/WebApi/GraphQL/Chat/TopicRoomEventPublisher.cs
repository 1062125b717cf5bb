using Voting.Application.Chat;
using Voting.GraphQL.Subscriptions.Topics;

namespace Voting.WebApi.GraphQL.Chat;

/// <summary>Publishes a room's committed log entries, in sequence order, on its <see cref="RoomEventTopic"/>.</summary>
internal sealed class TopicRoomEventPublisher(ITopicEventSender sender) : IRoomEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<RoomEventView> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var roomEvent in events)
        {
            await sender.SendAsync(RoomEventTopic.For(roomEvent.RoomId), roomEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
