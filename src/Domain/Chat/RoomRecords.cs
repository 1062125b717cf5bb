namespace Voting.Domain.Chat;

/// <summary>The rows a room's intent methods created since they were last taken, to be stored with the room.</summary>
public sealed record RoomRecords(IReadOnlyList<RoomMember> Members, IReadOnlyList<Message> Messages, IReadOnlyList<RoomEvent> Events)
{
    public bool IsEmpty => Members.Count == 0 && Messages.Count == 0 && Events.Count == 0;
}
