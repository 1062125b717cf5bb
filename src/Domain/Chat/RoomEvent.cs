using Voting.Domain.Users;

namespace Voting.Domain.Chat;

/// <summary>
/// One entry of a room's log: the room's next sequence and what happened. Messages added, edited
/// and deleted point at their message (whose current state a replay shows); membership changes
/// carry their details. Replaying the log from any sequence gives every change in order.
/// </summary>
public sealed class RoomEvent
{
    private RoomEvent()
    {
    }

    internal RoomEvent(RoomId roomId, long sequence, RoomEventKind kind, DateTimeOffset occurredAt, UserId? actorId)
    {
        RoomId = roomId;
        Sequence = sequence;
        Kind = kind;
        OccurredAt = occurredAt;
        ActorId = actorId;
    }

    public RoomId RoomId { get; private set; }

    public long Sequence { get; private set; }

    public RoomEventKind Kind { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Who did it; null for the system.</summary>
    public UserId? ActorId { get; private set; }

    /// <summary>The member a membership event concerns.</summary>
    public UserId? SubjectId { get; internal init; }

    /// <summary>The message a message event concerns.</summary>
    public MessageId? MessageId { get; internal init; }

    /// <summary>The new role of a role change.</summary>
    public MemberRole? Role { get; internal init; }

    /// <summary>The end of a mute; null when a mute was lifted.</summary>
    public DateTimeOffset? MutedUntil { get; internal init; }
}
