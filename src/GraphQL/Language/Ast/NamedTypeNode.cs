namespace Voting.GraphQL.Language.Ast;

public sealed class NamedTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NamedType;

    public required NameNode Name { get; init; }
}
