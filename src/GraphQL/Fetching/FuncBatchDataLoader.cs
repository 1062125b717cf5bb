namespace Voting.GraphQL.Fetching;

/// <summary>
/// A <see cref="BatchDataLoader{TKey, TValue}"/> whose batch function is a delegate, for a loader
/// needed in one place only; give it a key with <see cref="DataLoaderScope.GetOrCreate{T}(string, Func{BatchScheduler, T})"/>
/// so the request shares one instance.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">What a key loads to.</typeparam>
public sealed class FuncBatchDataLoader<TKey, TValue> : BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _loadBatch;

    /// <summary>Creates a loader that fetches with <paramref name="loadBatch"/>.</summary>
    /// <param name="loadBatch">The batch function, as <see cref="BatchDataLoader{TKey, TValue}.LoadBatchAsync"/>.</param>
    /// <param name="scheduler">The request's scheduler.</param>
    /// <param name="options">Batching and caching; <see cref="DataLoaderOptions.Default"/> when null.</param>
    public FuncBatchDataLoader(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> loadBatch,
        BatchScheduler scheduler,
        DataLoaderOptions? options = null)
        : base(scheduler, options)
    {
        ArgumentNullException.ThrowIfNull(loadBatch);
        _loadBatch = loadBatch;
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken) =>
        _loadBatch(keys, cancellationToken);
}
