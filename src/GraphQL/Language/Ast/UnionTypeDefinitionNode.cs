namespace Voting.GraphQL.Language.Ast;

public sealed class UnionTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.UnionTypeDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
