using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Validation;

/// <summary>
/// Unwinds the walk from deep inside a rule when validation must stop: too many errors, or a rule
/// whose work would grow without bound. <see cref="DocumentValidator"/> catches it and adds
/// <see cref="Error"/> as the last error; it never escapes validation.
/// </summary>
#pragma warning disable CA1032, CA1064 // Internal control flow, not an error type callers see.
internal sealed class ValidationAbortedException(GraphQLError error) : Exception(error.Message)
#pragma warning restore CA1032, CA1064
{
    public GraphQLError Error { get; } = error;
}
