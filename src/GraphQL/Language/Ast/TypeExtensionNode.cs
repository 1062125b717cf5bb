namespace Voting.GraphQL.Language.Ast;

/// <summary>A named type extension.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
}
