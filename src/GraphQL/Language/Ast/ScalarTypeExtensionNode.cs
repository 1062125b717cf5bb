namespace Voting.GraphQL.Language.Ast;

public sealed class ScalarTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.ScalarTypeExtension;

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
