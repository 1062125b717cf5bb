using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Chat;

namespace Voting.Application.Chat.GetRoom;

/// <param name="RoomId">The room.</param>
/// <param name="WithMembers">False when only the room and the caller's access matter (a subscription's check): the member list is not read.</param>
public sealed record GetRoomQuery(RoomId RoomId, bool WithMembers = true);

/// <summary>A room the caller may read, with its active and invited members.</summary>
public sealed class GetRoomHandler(ICurrentUser currentUser, IChatRepository chat, IChatQueries queries)
{
    public async Task<RoomDetails> HandleAsync(GetRoomQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (room, _) = await chat.GetReadableAsync(query.RoomId, currentUser.RequireSignedIn(), cancellationToken).ConfigureAwait(false);
        var members = query.WithMembers ? await queries.ListMembersAsync(room.Id, cancellationToken).ConfigureAwait(false) : [];
        return new RoomDetails(room.Id, room.Kind, room.Name, room.ElectionId, room.LastSequence, room.CreatedAt, members)
        {
            PrunedThroughSequence = room.PrunedThroughSequence,
        };
    }
}
