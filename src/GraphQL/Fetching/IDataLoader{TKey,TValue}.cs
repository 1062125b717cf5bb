namespace Voting.GraphQL.Fetching;

/// <summary>
/// Loads values by key, batching the keys requested before the next dispatch into one fetch and
/// caching each key's value for the rest of the request (graphql/dataloader's <c>DataLoader</c>).
/// </summary>
/// <typeparam name="TKey">The key type, compared with the loader's key comparer.</typeparam>
/// <typeparam name="TValue">What a key loads to.</typeparam>
public interface IDataLoader<TKey, TValue> : IDataLoader
    where TKey : notnull
{
    /// <summary>
    /// Asks for the value of <paramref name="key"/>. The task completes when the batch holding the
    /// key has been fetched, or at once if the key is cached.
    /// </summary>
    /// <param name="key">The key to load.</param>
    /// <param name="cancellationToken">
    /// Cancels this caller's wait only: the batch still runs for the other callers of the key.
    /// </param>
    Task<TValue> LoadAsync(TKey key, CancellationToken cancellationToken = default);

    /// <summary>Asks for the values of several keys; the list holds them in the keys' order.</summary>
    /// <param name="keys">The keys to load; a key may appear more than once.</param>
    /// <param name="cancellationToken">Cancels this caller's wait only.</param>
    Task<IReadOnlyList<TValue>> LoadAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts <paramref name="value"/> in the cache for <paramref name="key"/> unless the key is
    /// already cached or being loaded (as graphql/dataloader's <c>prime</c>; call
    /// <see cref="Remove"/> first to replace a value).
    /// </summary>
    void Set(TKey key, TValue value);

    /// <summary>Forgets the cached value of <paramref name="key"/>, so its next load fetches it again.</summary>
    void Remove(TKey key);
}
