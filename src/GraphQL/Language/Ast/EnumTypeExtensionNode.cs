namespace Voting.GraphQL.Language.Ast;

public sealed class EnumTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeExtension;

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
