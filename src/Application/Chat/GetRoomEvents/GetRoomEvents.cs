using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;

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
        return await queries.ListEventsAsync(room.Id, query.AfterSequence, query.First, cancellationToken).ConfigureAwait(false);
    }
}
