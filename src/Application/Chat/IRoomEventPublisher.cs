namespace Voting.Application.Chat;

/// <summary>
/// Hands a room's committed log entries to its live subscribers (the <c>roomEvents</c> subscription),
/// after the commit. Nothing is lost if this fails or the process dies first: the log is the truth,
/// entries carry gapless sequences, and a subscriber that sees a gap reads the missing ones from it.
/// </summary>
public interface IRoomEventPublisher
{
    Task PublishAsync(IReadOnlyList<RoomEventView> events, CancellationToken cancellationToken);
}
