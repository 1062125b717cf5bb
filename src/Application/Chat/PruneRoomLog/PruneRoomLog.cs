using FluentValidation;
using Voting.Application.Common;
using Voting.Domain.Common;

namespace Voting.Application.Chat.PruneRoomLog;

/// <param name="Retention">How long a log entry stays replayable.</param>
/// <param name="BatchSize">The most entries one delete removes; each batch is its own short statement.</param>
/// <param name="MaxRooms">The most rooms one pass prunes; the rest wait for the next pass.</param>
public sealed record PruneRoomLogCommand(TimeSpan Retention, int BatchSize = 1000, int MaxRooms = 100);

/// <param name="Rooms">Rooms this pass pruned.</param>
/// <param name="Removed">Log entries this pass removed.</param>
/// <param name="MoreRooms">The pass stopped at <see cref="PruneRoomLogCommand.MaxRooms"/>: more rooms may be due now.</param>
public sealed record PruneRoomLogResult(int Rooms, long Removed, bool MoreRooms);

public sealed class PruneRoomLogValidator : AbstractValidator<PruneRoomLogCommand>
{
    public PruneRoomLogValidator()
    {
        RuleFor(c => c.Retention).GreaterThan(TimeSpan.Zero);
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 100_000);
        RuleFor(c => c.MaxRooms).InclusiveBetween(1, 100_000);
    }
}

/// <summary>
/// Removes each room's log entries older than the retention (ADR 0028): the messages stay, but a
/// subscriber can no longer resume from before them and gets RESYNC_REQUIRED instead of a gap.
/// Every instance may run it at once: the mark only rises and a delete of rows already gone is a no-op.
/// </summary>
public sealed class PruneRoomLogHandler(IValidator<PruneRoomLogCommand> validator, IRoomLogRetention retention, IClock clock)
{
    public async Task<PruneRoomLogResult> HandleAsync(PruneRoomLogCommand command, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(command, cancellationToken).ConfigureAwait(false);
        var cutoff = clock.UtcNow - command.Retention;
        var rooms = await retention.ListRoomsWithEntriesBeforeAsync(cutoff, command.MaxRooms, cancellationToken).ConfigureAwait(false);
        long removed = 0;
        foreach (var room in rooms)
        {
            int batch;
            do
            {
                batch = await retention.PruneBeforeAsync(room, cutoff, command.BatchSize, cancellationToken).ConfigureAwait(false);
                removed += batch;
            }
            while (batch == command.BatchSize);
        }

        return new PruneRoomLogResult(rooms.Count, removed, rooms.Count == command.MaxRooms);
    }
}
