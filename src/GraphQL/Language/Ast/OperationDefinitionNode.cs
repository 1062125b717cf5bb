namespace Voting.GraphQL.Language.Ast;

public sealed class OperationDefinitionNode : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.OperationDefinition;

    public StringValueNode? Description { get; init; }

    public OperationType Operation { get; init; }

    public NameNode? Name { get; init; }

    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}
