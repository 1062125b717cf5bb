namespace Voting.GraphQL.Language.Ast;

/// <summary>A schema, type or directive definition.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
}
