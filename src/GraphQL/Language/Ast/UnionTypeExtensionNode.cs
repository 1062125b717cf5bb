namespace Voting.GraphQL.Language.Ast;

public sealed class UnionTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeExtension;

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
