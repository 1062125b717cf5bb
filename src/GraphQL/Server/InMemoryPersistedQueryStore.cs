namespace Voting.GraphQL.Server;

/// <summary>
/// The default <see cref="IPersistedQueryStore"/>: this process's memory, bounded to a number of queries
/// with the least recently used one dropped first. A dropped query costs a client one round trip: it gets
/// <c>PERSISTED_QUERY_NOT_FOUND</c> and sends the query again with its hash.
/// </summary>
public sealed class InMemoryPersistedQueryStore : IPersistedQueryStore
{
    private readonly BoundedCache<string, string> _queries;

    public InMemoryPersistedQueryStore(int capacity) => _queries = new BoundedCache<string, string>(capacity, StringComparer.Ordinal);

    public int Count => _queries.Count;

    public ValueTask<string?> TryGetAsync(string sha256Hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256Hash);
        return ValueTask.FromResult(_queries.TryGet(sha256Hash, out var query) ? query : null);
    }

    public ValueTask SaveAsync(string sha256Hash, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256Hash);
        ArgumentNullException.ThrowIfNull(query);
        _queries.Set(sha256Hash, query);
        return ValueTask.CompletedTask;
    }
}
