using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>One entry of a room's log as subscribers get it; message entries carry their message.</summary>
public sealed record RoomEventView(
    RoomId RoomId,
    long Sequence,
    RoomEventKind Kind,
    DateTimeOffset OccurredAt,
    UserId? ActorId,
    UserId? SubjectId,
    MemberRole? Role,
    DateTimeOffset? MutedUntil,
    MessageView? Message)
{
    public static RoomEventView From(RoomEvent roomEvent, Message? message)
    {
        ArgumentNullException.ThrowIfNull(roomEvent);
        return new(roomEvent.RoomId, roomEvent.Sequence, roomEvent.Kind, roomEvent.OccurredAt, roomEvent.ActorId, roomEvent.SubjectId,
            roomEvent.Role, roomEvent.MutedUntil, message is null ? null : MessageView.From(message));
    }

    /// <summary>The log entries of <paramref name="records"/>, in sequence order, with their messages.</summary>
    public static IReadOnlyList<RoomEventView> Of(RoomRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records.Events.Select(e => From(e, records.MessageOf(e)))];
    }
}
