using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Voting.GraphQL.Data;

namespace Voting.WebApi.GraphQL.EntityFramework;

/// <summary>
/// Runs the queries of <c>[UseFiltering]</c>, <c>[UseSorting]</c> and <c>[UsePaging]</c> with EF Core's
/// own <c>ToListAsync</c> and <c>CountAsync</c>, so a page and its count never block a thread. A query
/// that is not EF Core's (in-memory data next to it) goes to the engine's default executor.
/// </summary>
public sealed class EntityFrameworkQueryableExecutor : IQueryableExecutor
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Provider is IAsyncQueryProvider
            ? await query.ToListAsync(cancellationToken).ConfigureAwait(false)
            : await QueryableExecutor.Instance.ToListAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Provider is IAsyncQueryProvider
            ? query.CountAsync(cancellationToken)
            : QueryableExecutor.Instance.CountAsync(query, cancellationToken);
    }
}
