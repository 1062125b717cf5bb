namespace Voting.GraphQL.Language.Ast;

public sealed class VariableDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.VariableDefinition;

    public StringValueNode? Description { get; init; }

    public required VariableNode Variable { get; init; }

    public required TypeNode Type { get; init; }

    public ValueNode? DefaultValue { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
