using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Domain.Elections;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>
/// Remembers open elections for <see cref="TimeToLive"/>, so that a vote does not read the election
/// and its candidates again (ADR 0025). Only an election that is open when read is remembered:
/// one that is not yet open is read afresh, so that its opening is seen at once. A remembered
/// election that was closed meanwhile is caught by the ballot box's status check in the vote's
/// transaction, which then forgets it; the time to live bounds how long another instance's
/// closing is answered there rather than here.
/// </summary>
internal sealed class OpenElectionCache(IServiceScopeFactory scopes, TimeProvider time) : IOpenElections
{
    internal static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<ElectionId, (Election Election, long ReadAt)> _open = new();

    public async Task<Election?> GetAsync(ElectionId id, CancellationToken cancellationToken)
    {
        if (_open.TryGetValue(id, out var remembered) && time.GetElapsedTime(remembered.ReadAt) < TimeToLive)
        {
            return remembered.Election;
        }

        var readAt = time.GetTimestamp();
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var election = await scope.ServiceProvider.GetRequiredService<VotingDbContext>().Elections
                .AsNoTracking()
                .Include(e => e.Candidates)
                .FirstOrDefaultAsync(e => e.Id == id, cancellationToken).ConfigureAwait(false);
            if (election?.Status == ElectionStatus.Open)
            {
                _open[id] = (election, readAt);
            }
            else
            {
                _open.TryRemove(id, out _);
            }

            return election;
        }
    }

    public void Forget(ElectionId id) => _open.TryRemove(id, out _);
}
