namespace Voting.Domain.Chat;

/// <summary>
/// What a room's intent methods did since the records were last taken: the rows they created, to be
/// stored with the room, the existing messages they changed, and the log entries in sequence order.
/// </summary>
public sealed record RoomRecords(
    IReadOnlyList<RoomMember> Members,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<Message> ChangedMessages,
    IReadOnlyList<RoomEvent> Events)
{
    public bool IsEmpty => Members.Count == 0 && Messages.Count == 0 && ChangedMessages.Count == 0 && Events.Count == 0;

    /// <summary>The message (new or changed) a log entry points at.</summary>
    public Message? MessageOf(RoomEvent roomEvent)
    {
        ArgumentNullException.ThrowIfNull(roomEvent);
        return roomEvent.MessageId is { } id
            ? Messages.Concat(ChangedMessages).FirstOrDefault(m => m.Id == id)
            : null;
    }
}
