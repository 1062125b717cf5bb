using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// A value a scalar or enum cannot represent. The message is graphql-js's, so the executor can
/// put it in the response as is; <see cref="Node"/> is the literal at fault, when there is one.
/// </summary>
public sealed class ValueCoercionException : Exception
{
    public ValueCoercionException()
    {
    }

    public ValueCoercionException(string message)
        : base(message)
    {
    }

    public ValueCoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ValueCoercionException(string message, Node? node)
        : base(message)
    {
        Node = node;
    }

    public Node? Node { get; }
}
