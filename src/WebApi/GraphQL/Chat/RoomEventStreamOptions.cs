namespace Voting.WebApi.GraphQL.Chat;

/// <summary>How <c>roomEvents</c> streams put a room's live entries in order; section "Chat:Subscriptions".</summary>
public sealed class RoomEventStreamOptions
{
    public const string SectionName = "Chat:Subscriptions";

    /// <summary>
    /// How long an entry that arrived ahead of its predecessor waits for it before the gap is read from
    /// the log. Entries committed on two instances often reach the topic one after the other in the wrong
    /// order, a few milliseconds apart; without the wait, every stream of the room would read the log.
    /// </summary>
    public TimeSpan GapHold { get; set; } = TimeSpan.FromMilliseconds(50);
}
