namespace Voting.GraphQL.Data;

/// <summary>
/// A page of a <c>[UsePaging]</c> field: its edges, their nodes, where it stands, and the total
/// count, which is only counted (one COUNT query) when the client selects <c>totalCount</c>.
/// </summary>
public sealed class Connection<T>
{
    private readonly Func<CancellationToken, Task<int>> _count;

    public Connection(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> count)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(pageInfo);
        ArgumentNullException.ThrowIfNull(count);
        Edges = edges;
        PageInfo = pageInfo;
        _count = count;
    }

    public IReadOnlyList<Edge<T>> Edges { get; }

    public IReadOnlyList<T> Nodes => [.. Edges.Select(e => e.Node)];

    public PageInfo PageInfo { get; }

    /// <summary>How many items all pages hold together (the filtered query's count).</summary>
    public Task<int> GetTotalCountAsync(CancellationToken cancellationToken) => _count(cancellationToken);
}
