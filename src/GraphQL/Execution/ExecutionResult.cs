using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Execution;

/// <summary>A response (spec 7.1): data, errors and extensions.</summary>
public sealed class ExecutionResult
{
    public ExecutionResult(IReadOnlyDictionary<string, object?>? data, IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        HasData = true;
        Data = data;
        Errors = errors;
        Extensions = extensions;
    }

    private ExecutionResult(IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, object?>? extensions)
    {
        Errors = errors;
        Extensions = extensions;
    }

    /// <summary>
    /// False for a request error (spec 7.1.1: no <c>data</c> entry at all, because execution never
    /// started); true when execution ran, even if <see cref="Data"/> ended up null.
    /// </summary>
    public bool HasData { get; }

    /// <summary>The root selection set's result, its entries in selection order.</summary>
    public IReadOnlyDictionary<string, object?>? Data { get; }

    public IReadOnlyList<GraphQLError> Errors { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>A request error: the errors and no data.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new ExecutionResult(errors, extensions);
    }

    /// <summary>A request error made of one error.</summary>
    public static ExecutionResult FromError(string message, string code) =>
        FromErrors([new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code })]);

    /// <summary>The same result with more extensions (e.g. the cost of the operation).</summary>
    public ExecutionResult WithExtensions(IReadOnlyDictionary<string, object?> extensions) =>
        HasData ? new ExecutionResult(Data, Errors, extensions) : new ExecutionResult(Errors, extensions);
}
