namespace Voting.GraphQL.Language.Ast;

/// <summary>An operation or a fragment.</summary>
public abstract class ExecutableDefinitionNode : DefinitionNode
{
}
