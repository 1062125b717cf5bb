using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Infrastructure.Persistence;

namespace Voting.Infrastructure.Caching;

/// <summary>
/// Removes from <see cref="RedisElectionCache"/> every election whose row, candidates or voter roll a use case changed,
/// once its transaction has committed (ADR 0030). Watching the change tracker here, rather than naming the change in
/// each use case, catches every use case that changes an election (update, candidates, status transitions, voter
/// roll, scheduled transitions, results), the ones written later included. Removing after the commit, not before,
/// is what keeps a concurrent reader from caching the old row again; the cache's generation check covers a reader
/// that loaded before the commit and stores after it.
/// </summary>
internal sealed class ElectionCacheInvalidatingUnitOfWork(UnitOfWork inner, VotingDbContext db, RedisElectionCache cache) : IUnitOfWork
{
    private readonly HashSet<ElectionId> _pending = [];
    private int _transactions;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        CollectChanges();
        await inner.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (_transactions == 0)
        {
            await InvalidatePendingAsync().ConfigureAwait(false);
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result;
        _transactions++;
        try
        {
            result = await inner.InTransactionAsync(
                async ct =>
                {
                    var value = await work(ct).ConfigureAwait(false);
                    CollectChanges();
                    return value;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (_transactions == 1)
            {
                // Rolled back: nothing changed, so nothing to remove.
                _pending.Clear();
            }

            throw;
        }
        finally
        {
            _transactions--;
        }

        if (_transactions == 0)
        {
            await InvalidatePendingAsync().ConfigureAwait(false);
        }

        return result;
    }

    private void CollectChanges()
    {
        // Entries() runs DetectChanges first, so a property changed through an intent method shows as Modified.
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Election election:
                    _pending.Add(election.Id);
                    break;
                case Candidate candidate:
                    _pending.Add(candidate.ElectionId);
                    break;
                case VoterRollEntry voter:
                    _pending.Add(voter.ElectionId);
                    break;
            }
        }
    }

    private async Task InvalidatePendingAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        ElectionId[] ids = [.. _pending];
        _pending.Clear();

        // The change is committed: the caller's cancellation must not leave other instances reading it stale.
        await cache.InvalidateAsync(ids, CancellationToken.None).ConfigureAwait(false);
    }
}
