namespace Voting.GraphQL.Fetching;

/// <summary>
/// A loader of one request: it gathers the keys asked for while the request runs and fetches them
/// in batches when its <see cref="BatchScheduler"/> dispatches. The untyped view, for the scope.
/// </summary>
public interface IDataLoader
{
    /// <summary>Forgets every cached value, so the next load of any key fetches it again.</summary>
    void Clear();
}
