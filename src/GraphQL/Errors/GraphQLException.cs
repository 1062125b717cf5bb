namespace Voting.GraphQL.Errors;

/// <summary>
/// Thrown by a resolver (or anything it calls) to fail its field with a message and code meant for
/// the client; the executor reports it as is, where any other exception becomes "Unexpected
/// Execution Error".
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException()
        : this("Unexpected Execution Error", ErrorCodes.InternalServerError)
    {
    }

    public GraphQLException(string message)
        : this(message, ErrorCodes.InternalServerError)
    {
    }

    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.InternalServerError;
    }

    public GraphQLException(string message, string code, IReadOnlyDictionary<string, object?>? extensions = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Extensions = extensions;
    }

    /// <summary>The <c>extensions.code</c> of the error.</summary>
    public string Code { get; }

    /// <summary>Further entries of <c>extensions</c> besides <c>code</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
