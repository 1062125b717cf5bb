using Voting.Application.Abstractions;
using Voting.Application.Common;

namespace Voting.Application.Chat.GetMyRooms;

public sealed record GetMyRoomsQuery;

/// <summary>The rooms the caller is an active member of (direct conversations included), with unread counts.</summary>
public sealed class GetMyRoomsHandler(ICurrentUser currentUser, IChatQueries queries)
{
    public Task<IReadOnlyList<RoomSummary>> HandleAsync(GetMyRoomsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return queries.ListRoomsOfAsync(currentUser.RequireSignedIn(), cancellationToken);
    }
}
