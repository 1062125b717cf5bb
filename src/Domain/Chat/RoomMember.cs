using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Domain.Chat;

/// <summary>
/// A user's standing in one room: role, status, mute and read marker. Part of the
/// <see cref="ChatRoom"/> aggregate, changed only through the room's intent methods (and
/// <see cref="MarkRead"/>, which concerns the member alone).
/// </summary>
public sealed class RoomMember
{
    private RoomMember()
    {
    }

    internal RoomMember(RoomId roomId, UserId userId, MemberRole role, MemberStatus status, DateTimeOffset now)
    {
        RoomId = roomId;
        UserId = userId;
        Role = role;
        Status = status;
        if (status == MemberStatus.Active)
        {
            JoinedAt = now;
        }
    }

    public RoomId RoomId { get; private set; }

    public UserId UserId { get; private set; }

    public MemberRole Role { get; private set; }

    public MemberStatus Status { get; private set; }

    /// <summary>When the user last joined; null while only invited.</summary>
    public DateTimeOffset? JoinedAt { get; private set; }

    /// <summary>The member may not send before this instant.</summary>
    public DateTimeOffset? MutedUntil { get; private set; }

    /// <summary>The highest sequence of the room the member has read; unread messages are those above it.</summary>
    public long LastReadSequence { get; private set; }

    public bool IsActive => Status == MemberStatus.Active;

    public bool IsMutedAt(DateTimeOffset now) => MutedUntil is { } until && until > now;

    /// <summary>Moves the read marker forward to <paramref name="sequence"/>, never past the room's last sequence and never back.</summary>
    public void MarkRead(long sequence, long lastSequenceOfRoom)
    {
        if (!IsActive)
        {
            throw new DomainException(ErrorCodes.NotAMember, "You are not a member of this room.");
        }

        LastReadSequence = Math.Max(LastReadSequence, Math.Clamp(sequence, 0, lastSequenceOfRoom));
    }

    internal void Activate(DateTimeOffset now)
    {
        Status = MemberStatus.Active;
        Role = MemberRole.Member;
        JoinedAt = now;
        MutedUntil = null;
    }

    internal void SetStatus(MemberStatus status) => Status = status;

    internal void SetRole(MemberRole role) => Role = role;

    internal void MuteUntil(DateTimeOffset? until) => MutedUntil = until;
}
