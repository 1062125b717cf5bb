namespace Voting.GraphQL.Language.Ast;

public sealed class NonNullTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.NonNullType;

    public required TypeNode Type { get; init; }
}
