namespace Voting.GraphQL.Language.Ast;

/// <summary>An input value literal or a variable.</summary>
public abstract class ValueNode : Node
{
}
