namespace Voting.GraphQL.Language.Ast;

/// <summary>A schema or type extension.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
}
