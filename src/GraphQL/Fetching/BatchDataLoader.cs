namespace Voting.GraphQL.Fetching;

/// <summary>
/// A loader whose keys each load to one value, fetched for a whole batch of keys at once
/// (GreenDonut's <c>BatchDataLoader</c>). A key missing from the fetched dictionary loads to
/// <see langword="default"/>, so declare <typeparamref name="TValue"/> nullable when keys can be
/// missing.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">What a key loads to.</typeparam>
public abstract class BatchDataLoader<TKey, TValue> : DataLoaderBase<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Creates a loader dispatched by <paramref name="scheduler"/>.</summary>
    /// <param name="scheduler">The request's scheduler.</param>
    /// <param name="options">Batching and caching; <see cref="DataLoaderOptions.Default"/> when null.</param>
    protected BatchDataLoader(BatchScheduler scheduler, DataLoaderOptions? options = null)
        : base(scheduler, options)
    {
    }

    /// <summary>
    /// Fetches the values of a batch of keys: distinct, in the order they were first asked for, at
    /// most <see cref="DataLoaderOptions.MaxBatchSize"/> of them. If it throws, every load waiting
    /// for the batch fails with that exception. The dictionary is looked up with its own comparer.
    /// </summary>
    /// <param name="keys">The keys of the batch.</param>
    /// <param name="cancellationToken">The request's token, given to the dispatch.</param>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    private protected sealed override async Task<TValue[]> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        var found = await LoadBatchAsync(keys, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{GetType().Name}.{nameof(LoadBatchAsync)} returned null.");
        var values = new TValue[keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = found.TryGetValue(keys[i], out var value) ? value : default!;
        }

        return values;
    }
}
