namespace Voting.GraphQL.Data;

/// <summary>
/// The executor used when the request services have no <see cref="IQueryableExecutor"/>: a query that
/// is also an <see cref="IAsyncEnumerable{T}"/> (as EF Core's are) is read asynchronously, any other
/// one (LINQ to Objects) synchronously. Counting has no provider-neutral asynchronous form, so it is
/// synchronous; register the provider's executor to count asynchronously.
/// </summary>
public sealed class QueryableExecutor : IQueryableExecutor
{
    /// <summary>The shared instance (the executor holds no state).</summary>
    public static QueryableExecutor Instance { get; } = new();

    /// <inheritdoc />
    public async Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query is not IAsyncEnumerable<T> stream)
        {
            return [.. query];
        }

        var rows = new List<T>();
        await foreach (var row in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <inheritdoc />
    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(query.Count());
    }
}
