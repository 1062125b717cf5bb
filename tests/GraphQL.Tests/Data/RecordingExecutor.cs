using Voting.GraphQL.Data;

namespace Voting.GraphQL.Tests.Data;

/// <summary>An executor that records each query it runs ("list" or "count") and runs it in memory.</summary>
internal sealed class RecordingExecutor : IQueryableExecutor
{
    public List<string> Calls { get; } = [];

    public Task<IReadOnlyList<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        Calls.Add("list");
        return QueryableExecutor.Instance.ToListAsync(query, cancellationToken);
    }

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        Calls.Add("count");
        return QueryableExecutor.Instance.CountAsync(query, cancellationToken);
    }
}
