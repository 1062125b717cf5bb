using Voting.Domain.Elections;

namespace Voting.Application.Abstractions;

/// <summary>The read side of the scheduled transitions: which elections are due to open or close, and when the next one is.</summary>
public interface IElectionSchedule
{
    /// <summary>
    /// Up to <paramref name="max"/> elections due at <paramref name="now"/>, the longest overdue first:
    /// Scheduled ones inside their voting window (<c>OpensAt ≤ now &lt; ClosesAt</c>) and Open ones past their closing time.
    /// </summary>
    Task<IReadOnlyList<ElectionId>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>The earliest opening or closing time after <paramref name="now"/> among Scheduled and Open elections; null when none.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
