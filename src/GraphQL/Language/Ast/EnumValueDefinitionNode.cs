namespace Voting.GraphQL.Language.Ast;

public sealed class EnumValueDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.EnumValueDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
