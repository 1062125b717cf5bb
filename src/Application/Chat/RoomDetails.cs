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
    IReadOnlyList<RoomMemberView> Members);
