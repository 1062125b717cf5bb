namespace Voting.GraphQL.Server;

/// <summary>
/// Where automatic persisted queries (Apollo's <c>extensions.persistedQuery</c>, version 1) are kept: query
/// texts by the lowercase hexadecimal SHA-256 of their UTF-8 bytes. The server stores a query only after it
/// parsed and validated, so a store never holds a document the schema rejects. The in-memory store serves
/// one instance; a shared store (Redis) lets every instance answer a hash any of them learned.
/// </summary>
public interface IPersistedQueryStore
{
    /// <summary>The query stored under <paramref name="sha256Hash"/>, or null when there is none.</summary>
    ValueTask<string?> TryGetAsync(string sha256Hash, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="query"/> under <paramref name="sha256Hash"/>; storing it again changes nothing.</summary>
    ValueTask SaveAsync(string sha256Hash, string query, CancellationToken cancellationToken);
}
