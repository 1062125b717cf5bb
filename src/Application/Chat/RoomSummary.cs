using Voting.Domain.Chat;
using Voting.Domain.Elections;

namespace Voting.Application.Chat;

/// <summary>A room as its member lists it: <see cref="UnreadCount"/> counts others' messages, not deleted, above the read marker.</summary>
public sealed record RoomSummary(
    RoomId Id,
    RoomKind Kind,
    string Name,
    ElectionId? ElectionId,
    MemberRole MyRole,
    long LastSequence,
    long LastReadSequence,
    int UnreadCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt);
