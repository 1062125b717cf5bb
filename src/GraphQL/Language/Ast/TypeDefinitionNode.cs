namespace Voting.GraphQL.Language.Ast;

/// <summary>A named type definition.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
}
