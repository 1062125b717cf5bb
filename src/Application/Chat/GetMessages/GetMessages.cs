using FluentValidation;
using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;

namespace Voting.Application.Chat.GetMessages;

/// <summary>
/// A page of a room's messages by sequence: <see cref="First"/> after <see cref="After"/> reads
/// forward, <see cref="Last"/> before <see cref="Before"/> backward; with neither, the newest page.
/// </summary>
public sealed record GetMessagesQuery(RoomId RoomId, int? First = null, long? After = null, int? Last = null, long? Before = null);

public sealed class GetMessagesValidator : AbstractValidator<GetMessagesQuery>
{
    public GetMessagesValidator()
    {
        RuleFor(q => q.First).InclusiveBetween(1, GetMessagesHandler.MaxPageSize);
        RuleFor(q => q.Last).InclusiveBetween(1, GetMessagesHandler.MaxPageSize);
        RuleFor(q => q.Last).Null().When(q => q.First is not null).WithMessage("Give first or last, not both.");
        RuleFor(q => q.After).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Before).GreaterThanOrEqualTo(0);
    }
}

public sealed class GetMessagesHandler(
    IValidator<GetMessagesQuery> validator,
    ICurrentUser currentUser,
    IChatRepository chat,
    IChatQueries queries)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 50;

    public async Task<MessagePage> HandleAsync(GetMessagesQuery query, CancellationToken cancellationToken)
    {
        var reader = currentUser.RequireSignedIn();
        await validator.EnsureValidAsync(query, cancellationToken).ConfigureAwait(false);
        var (room, _) = await chat.GetReadableAsync(query.RoomId, reader, cancellationToken).ConfigureAwait(false);

        var forward = query.First is not null || (query.After is not null && query.Last is null);
        var size = (forward ? query.First : query.Last) ?? DefaultPageSize;
        var rows = await queries.ListMessagesAsync(room.Id, query.After, query.Before, size + 1, fromEnd: !forward, cancellationToken).ConfigureAwait(false);
        var more = rows.Count > size;
        var page = !more ? rows : forward ? rows.Take(size).ToList() : rows.Skip(1).ToList();

        // The far side of the cursor: is there anything at or beyond it?
        var beyondCursor = forward
            ? query.After is { } after && (await queries.ListMessagesAsync(room.Id, null, after + 1, 1, fromEnd: true, cancellationToken).ConfigureAwait(false)).Count > 0
            : query.Before is { } before && (await queries.ListMessagesAsync(room.Id, before - 1, null, 1, fromEnd: false, cancellationToken).ConfigureAwait(false)).Count > 0;
        return forward
            ? new MessagePage(page, HasPreviousPage: beyondCursor, HasNextPage: more)
            : new MessagePage(page, HasPreviousPage: more, HasNextPage: beyondCursor);
    }
}
