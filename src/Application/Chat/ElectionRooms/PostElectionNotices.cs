using Voting.Application.Abstractions;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Chat.ElectionRooms;

/// <summary>
/// Posts an election's opening, closing and results into its room, delivered by the outbox. The
/// outbox delivers at least once, so each notice is posted under a fixed key and a redelivery finds
/// the first. An election from before chat existed gets its room here.
/// </summary>
public sealed class PostElectionNotices(
    IChatRepository chat,
    IElectionRepository elections,
    IUnitOfWork unitOfWork,
    IRoomEventPublisher publisher,
    IClock clock)
    : IDomainEventHandler<ElectionOpened>,
      IDomainEventHandler<ElectionClosed>,
      IDomainEventHandler<ElectionResultsPublished>
{
    public Task HandleAsync(ElectionOpened domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PostAsync(domainEvent.ElectionId, SystemNotice.ElectionOpened, domainEvent.OccurredAt, cancellationToken);
    }

    public Task HandleAsync(ElectionClosed domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PostAsync(domainEvent.ElectionId, SystemNotice.ElectionClosed, domainEvent.OccurredAt, cancellationToken);
    }

    public Task HandleAsync(ElectionResultsPublished domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return PostAsync(domainEvent.ElectionId, SystemNotice.ElectionResultsPublished, domainEvent.OccurredAt, cancellationToken);
    }

    private Task PostAsync(ElectionId electionId, SystemNotice notice, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        unitOfWork.ChangeRoomAsync(
            chat,
            publisher,
            ct => RoomOfAsync(electionId, ct),
            async (room, ct) =>
            {
                var earlier = await chat.FindByClientMessageIdAsync(room.Id, null, ChatRoom.NoticeKey(notice), ct).ConfigureAwait(false);
                return room.PostElectionNotice(notice, earlier, occurredAt);
            },
            cancellationToken);

    private async Task<ChatRoom> RoomOfAsync(ElectionId electionId, CancellationToken cancellationToken)
    {
        if (await chat.LockElectionRoomAsync(electionId, cancellationToken).ConfigureAwait(false) is { } room)
        {
            return room;
        }

        // Two notices racing to make the room meet the unique election index; the loser's change runs again and finds it.
        var election = await elections.GetAsync(electionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Election '{electionId}' of a committed event does not exist.");
        var created = ChatRoom.ForElection(election, clock);
        chat.Add(created);
        return created;
    }

}
