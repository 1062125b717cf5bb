using Voting.Application.Elections.ListElections;
using Voting.GraphQL.Fetching;

namespace Voting.WebApi.GraphQL.Elections;

/// <summary>
/// The elections of every candidate a query reaches, in one query per level. It reads through the
/// list use case, so a draft stays hidden from whoever may not list it. Each batch has a service
/// scope of its own, as batches of different loaders run at the same time.
/// </summary>
public sealed class ElectionsByIdDataLoader(IServiceScopeFactory scopes, BatchScheduler scheduler, DataLoaderOptions? options = null)
    : BatchDataLoader<Guid, ElectionNode?>(scheduler, options)
{
    protected override async Task<IReadOnlyDictionary<Guid, ElectionNode?>> LoadBatchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var visible = scope.ServiceProvider.GetRequiredService<ListElectionsHandler>().Handle(new ListElectionsQuery());
        var ids = keys.ToList();
        var nodes = await scope.ServiceProvider.GetRequiredService<Voting.GraphQL.Data.IQueryableExecutor>()
            .ToListAsync(ElectionNode.Project(visible.Where(e => ids.Contains(e.Id))), cancellationToken).ConfigureAwait(false);
        return nodes.ToDictionary(n => n.Id, n => (ElectionNode?)n);
    }
}
