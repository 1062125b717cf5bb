using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;

namespace Voting.Application.Chat.GetRoom;

public sealed record GetRoomQuery(RoomId RoomId);

/// <summary>A room the caller may read, with its active and invited members.</summary>
public sealed class GetRoomHandler(ICurrentUser currentUser, IChatRepository chat, IChatQueries queries)
{
    public async Task<RoomDetails> HandleAsync(GetRoomQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (room, _) = await chat.GetReadableAsync(query.RoomId, currentUser.RequireSignedIn(), cancellationToken).ConfigureAwait(false);
        var members = await queries.ListMembersAsync(room.Id, cancellationToken).ConfigureAwait(false);
        return new RoomDetails(room.Id, room.Kind, room.Name, room.ElectionId, room.LastSequence, room.CreatedAt, members)
        {
            PrunedThroughSequence = room.PrunedThroughSequence,
        };
    }
}
