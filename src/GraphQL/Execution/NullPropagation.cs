using Voting.GraphQL.Errors;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The completed "value" of a non-null position whose field failed (spec 6.4.4): it travels up as a
/// return value, not as an exception, until it reaches a nullable position, which becomes null and
/// records the error there.
/// </summary>
internal sealed class NullPropagation(GraphQLError error)
{
    public GraphQLError Error { get; } = error;
}
