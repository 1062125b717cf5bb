using Voting.Domain.Chat;
using Voting.Domain.Elections;

namespace Voting.Application.Chat;

/// <summary>A room with its active and invited members.</summary>
public sealed record RoomDetails(
    RoomId Id,
    RoomKind Kind,
    string Name,
    ElectionId? ElectionId,
    long LastSequence,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RoomMemberView> Members)
{
    /// <summary>The highest sequence retention removed from the room's log; a replay resumes after it or any later sequence.</summary>
    public long PrunedThroughSequence { get; init; }
}
