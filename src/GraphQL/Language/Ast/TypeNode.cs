namespace Voting.GraphQL.Language.Ast;

/// <summary>A type reference: named, list or non-null.</summary>
public abstract class TypeNode : Node
{
}
