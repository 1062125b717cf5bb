using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Infrastructure.Persistence;

namespace Voting.Infrastructure.Scheduling;

/// <summary>Finds elections due to open or close, from the indexed status and the stored times.</summary>
internal sealed class ElectionSchedule(VotingDbContext db) : IElectionSchedule
{
    public async Task<IReadOnlyList<ElectionId>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var toOpen = await db.Elections.AsNoTracking()
            .Where(e => e.Status == ElectionStatus.Scheduled && e.OpensAt <= now && e.ClosesAt > now)
            .OrderBy(e => e.OpensAt)
            .Select(e => new { e.Id, DueAt = e.OpensAt })
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var toClose = await db.Elections.AsNoTracking()
            .Where(e => e.Status == ElectionStatus.Open && e.ClosesAt <= now)
            .OrderBy(e => e.ClosesAt)
            .Select(e => new { e.Id, DueAt = e.ClosesAt })
            .Take(max)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. toOpen.Concat(toClose).OrderBy(e => e.DueAt).Take(max).Select(e => e.Id)];
    }

    public async Task<DateTimeOffset?> NextDueAtAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opening = await db.Elections.AsNoTracking()
            .Where(e => e.Status == ElectionStatus.Scheduled && e.OpensAt > now)
            .OrderBy(e => e.OpensAt)
            .Select(e => e.OpensAt)
            .Take(1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var closing = await db.Elections.AsNoTracking()
            .Where(e => e.Status == ElectionStatus.Open && e.ClosesAt > now)
            .OrderBy(e => e.ClosesAt)
            .Select(e => e.ClosesAt)
            .Take(1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return opening.Concat(closing).Select(t => (DateTimeOffset?)t).Min();
    }
}
