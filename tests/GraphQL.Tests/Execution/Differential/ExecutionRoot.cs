namespace Voting.GraphQL.Tests.Execution.Differential;

/// <summary>
/// The root value of one differential request (createRoot() in tests/oracle/execute-resolvers.mjs): the
/// mutation counter, the only state the resolvers share, so the order in which mutations run shows in the result.
/// </summary>
internal sealed class ExecutionRoot
{
    private readonly List<object?> _history = [];

    public long Counter { get; private set; }

    /// <summary>Adds <paramref name="by"/> (nothing for null) and returns a Counter object: the value and the values so far.</summary>
    public Dictionary<string, object?> Increment(int? by)
    {
        Counter += by ?? 0;
        _history.Add(Counter);
        return new Dictionary<string, object?> { ["__typename"] = "Counter", ["value"] = Counter, ["history"] = new List<object?>(_history) };
    }
}
