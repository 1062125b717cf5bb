namespace Voting.GraphQL.Data;

/// <summary>
/// Runs the queries <c>[UseFiltering]</c>, <c>[UseSorting]</c> and <c>[UsePaging]</c> build, asynchronously
/// where the provider can: the engine knows no database library, so an adapter (EF Core's
/// <c>ToListAsync</c>/<c>CountAsync</c>) is registered in the request services; without one,
/// <see cref="QueryableExecutor"/> applies.
/// </summary>
public interface IQueryableExecutor
{
    /// <summary>The rows of <paramref name="query"/>, in its order.</summary>
    Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    /// <summary>How many rows <paramref name="query"/> has.</summary>
    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);
}
