using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Domain.Elections.Events;
using Voting.Infrastructure.Outbox;
using Voting.Infrastructure.Persistence;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>The votes the outbox holds: its VotesCast rows (one per committed batch, ADR 0035), read back as events.</summary>
internal static class OutboxVotes
{
    /// <summary>Every VotesCast row, oldest first.</summary>
    public static Task<List<VotesCast>> BatchesAsync(DatabaseFixture fixture) =>
        fixture.InScopeAsync(async services =>
        {
            var rows = await services.GetRequiredService<VotingDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Type == nameof(VotesCast))
                .OrderBy(m => m.Id)
                .ToListAsync();
            return rows.Select(r => (VotesCast)OutboxSerializer.ToEvent(r)).ToList();
        });

    /// <summary>The ballot sequences the rows carry, in order, each as often as it is carried.</summary>
    public static async Task<List<long>> SequencesAsync(DatabaseFixture fixture) =>
        [.. (await BatchesAsync(fixture)).SelectMany(b => Enumerable.Range(0, b.Candidates.Count).Select(i => b.FirstSequence + i)).Order()];
}
