namespace Voting.GraphQL.Fetching;

/// <summary>
/// A <see cref="GroupedDataLoader{TKey, TValue}"/> whose batch function is a delegate, for a loader
/// needed in one place only; give it a key with <see cref="DataLoaderScope.GetOrCreate{T}(string, Func{BatchScheduler, T})"/>
/// so the request shares one instance.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The type of one of a key's values.</typeparam>
public sealed class FuncGroupedDataLoader<TKey, TValue> : GroupedDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> _loadGroupedBatch;

    /// <summary>Creates a loader that fetches with <paramref name="loadGroupedBatch"/>.</summary>
    /// <param name="loadGroupedBatch">The batch function, as <see cref="GroupedDataLoader{TKey, TValue}.LoadGroupedBatchAsync"/>.</param>
    /// <param name="scheduler">The request's scheduler.</param>
    /// <param name="options">Batching and caching; <see cref="DataLoaderOptions.Default"/> when null.</param>
    public FuncGroupedDataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> loadGroupedBatch,
        BatchScheduler scheduler,
        DataLoaderOptions? options = null)
        : base(scheduler, options)
    {
        ArgumentNullException.ThrowIfNull(loadGroupedBatch);
        _loadGroupedBatch = loadGroupedBatch;
    }

    /// <inheritdoc />
    protected override Task<ILookup<TKey, TValue>> LoadGroupedBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        _loadGroupedBatch(keys, cancellationToken);
}
