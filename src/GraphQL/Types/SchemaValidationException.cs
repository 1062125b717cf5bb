using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Types;

/// <summary>A schema that breaks the type system rules (spec section 3); lists every error found.</summary>
public sealed class SchemaValidationException : Exception
{
    public SchemaValidationException()
        : this([])
    {
    }

    public SchemaValidationException(string message)
        : this([new GraphQLError(message)])
    {
    }

    public SchemaValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new GraphQLError(message)];
    }

    public SchemaValidationException(IReadOnlyList<GraphQLError> errors)
        : base(errors is null || errors.Count == 0 ? "The schema is invalid." : string.Join("\n\n", errors.Select(e => e.Message)))
    {
        Errors = errors ?? [];
    }

    public IReadOnlyList<GraphQLError> Errors { get; }
}
