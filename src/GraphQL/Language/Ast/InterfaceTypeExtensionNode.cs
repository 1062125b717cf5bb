namespace Voting.GraphQL.Language.Ast;

public sealed class InterfaceTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InterfaceTypeExtension;

    public required NameNode Name { get; init; }

    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
