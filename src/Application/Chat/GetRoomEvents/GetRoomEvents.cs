using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;
using Voting.Domain.Common;

namespace Voting.Application.Chat.GetRoomEvents;

/// <summary>The room's log after <see cref="AfterSequence"/>: what a resuming subscriber missed, in order.</summary>
public sealed record GetRoomEventsQuery(RoomId RoomId, long AfterSequence, int First = GetRoomEventsHandler.MaxBatch);

public sealed class GetRoomEventsValidator : AbstractValidator<GetRoomEventsQuery>
{
    public GetRoomEventsValidator()
    {
        RuleFor(q => q.AfterSequence).GreaterThanOrEqualTo(0);
        RuleFor(q => q.First).InclusiveBetween(1, GetRoomEventsHandler.MaxBatch);
    }
}

public sealed class GetRoomEventsHandler(
    IValidator<GetRoomEventsQuery> validator,
    ICurrentUser currentUser,
    IChatRepository chat,
    IChatQueries queries)
{
    public const int MaxBatch = 500;

    public async Task<IReadOnlyList<RoomEventView>> HandleAsync(GetRoomEventsQuery query, CancellationToken cancellationToken)
    {
        var reader = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(query, cancellationToken).ConfigureAwait(false);
        var (room, _) = await chat.GetReadableAsync(query.RoomId, reader, cancellationToken).ConfigureAwait(false);
        var entries = await queries.ListEventsAsync(room.Id, query.AfterSequence, query.First, cancellationToken).ConfigureAwait(false);

        // The mark as read before the entries, and the first entry itself: a prune that ran in between shows as a hole.
        if (query.AfterSequence < room.PrunedThroughSequence || (entries.Count > 0 && entries[0].Sequence != query.AfterSequence + 1))
        {
            throw new DomainException(
                ErrorCodes.ResyncRequired,
                $"The room's log no longer holds the entries after sequence {query.AfterSequence}: retention removed those up to {Math.Max(room.PrunedThroughSequence, entries.Count > 0 ? entries[0].Sequence - 1 : 0)}.");
        }

        return entries;
    }
}
