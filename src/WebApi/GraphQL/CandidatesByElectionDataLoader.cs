using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Domain.Elections;
using Voting.GraphQL.Fetching;

namespace Voting.WebApi.GraphQL;

/// <summary>
/// The candidates of every election a query reaches, fetched in one round trip per level of the
/// query. Each batch runs in a service scope of its own: batches of different loaders run at the
/// same time and must not share a DbContext.
/// </summary>
public sealed class CandidatesByElectionDataLoader(IServiceScopeFactory scopes, BatchScheduler scheduler, DataLoaderOptions? options = null)
    : GroupedDataLoader<ElectionId, CandidateView>(scheduler, options)
{
    protected override async Task<ILookup<ElectionId, CandidateView>> LoadGroupedBatchAsync(IReadOnlyList<ElectionId> keys, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lists = await scope.ServiceProvider.GetRequiredService<IElectionQueries>()
            .ListCandidatesAsync(keys, cancellationToken).ConfigureAwait(false);
        return lists.SelectMany(list => list.Value.Select(candidate => (list.Key, candidate))).ToLookup(p => p.Key, p => p.candidate);
    }
}
