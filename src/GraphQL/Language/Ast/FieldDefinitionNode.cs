namespace Voting.GraphQL.Language.Ast;

public sealed class FieldDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.FieldDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public required TypeNode Type { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
