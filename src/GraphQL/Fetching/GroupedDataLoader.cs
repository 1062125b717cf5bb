namespace Voting.GraphQL.Fetching;

/// <summary>
/// A loader whose keys each load to many values, e.g. the candidates of an election, fetched for a
/// whole batch of keys at once (GreenDonut's <c>GroupedDataLoader</c>). A key with no values loads
/// to an empty array.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The type of one of a key's values.</typeparam>
public abstract class GroupedDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue[]>
    where TKey : notnull
{
    /// <summary>Creates a loader dispatched by <paramref name="scheduler"/>.</summary>
    /// <param name="scheduler">The request's scheduler.</param>
    /// <param name="options">Batching and caching; <see cref="DataLoaderOptions.Default"/> when null.</param>
    protected GroupedDataLoader(BatchScheduler scheduler, DataLoaderOptions? options = null)
        : base(scheduler, options)
    {
    }

    /// <summary>
    /// Fetches the values of a batch of keys, grouped by key (e.g. with <c>ToLookup</c>): distinct
    /// keys, in the order they were first asked for, at most <see cref="DataLoaderOptions.MaxBatchSize"/>
    /// of them. If it throws, every load waiting for the batch fails with that exception.
    /// </summary>
    /// <param name="keys">The keys of the batch.</param>
    /// <param name="cancellationToken">The request's token, given to the dispatch.</param>
    protected abstract Task<ILookup<TKey, TValue>> LoadGroupedBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private protected sealed override async Task<TValue[][]> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var found = await LoadGroupedBatchAsync(keys, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{GetType().Name}.{nameof(LoadGroupedBatchAsync)} returned null.");
        var values = new TValue[keys.Count][];
        for (var i = 0; i < values.Length; i++)
        {
            // An ILookup gives an empty group for a key it does not hold.
            values[i] = found.Contains(keys[i]) ? [.. found[keys[i]]] : [];
        }

        return values;
    }
}
