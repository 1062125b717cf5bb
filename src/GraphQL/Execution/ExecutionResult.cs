using System.Text.Encodings.Web;
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

    /// <summary>
    /// Sent to many subscribers (<see cref="SharedEventResults"/>): <see cref="ExecutionResultWriter"/> writes its
    /// JSON once and copies it after that.
    /// </summary>
    internal bool IsShared { get; private init; }

    // The JSON written for the first writer's encoder: null until then.
    private SharedJson? _json;

    internal ExecutionResult AsShared() => new(Data, Errors, Extensions) { IsShared = true };

    /// <summary>This shared result's JSON for <paramref name="encoder"/>, written at the first call; null for another encoder than the first one's.</summary>
    internal byte[]? GetSharedJson(JavaScriptEncoder? encoder)
    {
        var json = Volatile.Read(ref _json);
        if (json is null)
        {
            var written = new SharedJson(encoder, ExecutionResultWriter.ToUtf8(this, encoder));
            json = Interlocked.CompareExchange(ref _json, written, null) ?? written;
        }

        return ReferenceEquals(json.Encoder, encoder) ? json.Utf8 : null;
    }

    private sealed record SharedJson(JavaScriptEncoder? Encoder, byte[] Utf8);
}
