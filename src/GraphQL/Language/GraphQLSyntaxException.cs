using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Language;

/// <summary>
/// A document that does not follow the GraphQL grammar, or that exceeds a <see cref="ParserOptions"/> limit.
/// The message follows graphql-js's wording ("Syntax Error: ...") so clients see the errors they know.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException()
        : this(new GraphQLError("Syntax Error"))
    {
    }

    public GraphQLSyntaxException(string message)
        : this(new GraphQLError(message))
    {
    }

    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new GraphQLError(message);
    }

    public GraphQLSyntaxException(GraphQLError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The error to put in the response: its message and the one location it points at.</summary>
    public GraphQLError Error { get; }

    public SourceLocation Location => Error.Locations.Count > 0 ? Error.Locations[0] : default;

    internal static GraphQLSyntaxException At(ReadOnlySpan<byte> source, int position, string description) =>
        new(new GraphQLError("Syntax Error: " + description, [SourceText.Locate(source, position)]));
}
