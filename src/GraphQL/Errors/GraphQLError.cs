namespace Voting.GraphQL.Errors;

/// <summary>
/// An error as the GraphQL specification's response format describes it (section 7.1.2): a
/// message, the locations in the document it concerns, the response path for execution errors,
/// and extensions such as <c>code</c>.
/// </summary>
public sealed class GraphQLError
{
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations ?? [];
        Path = path;
        Extensions = extensions;
    }

    public string Message { get; }

    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>Field names (string) and list indices (int) from the response root; null outside execution.</summary>
    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    public override string ToString() =>
        Locations.Count == 0 ? Message : $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";
}
