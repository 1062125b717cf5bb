namespace Voting.GraphQL.Language.Ast;

public sealed class ListTypeNode : TypeNode
{
    public override SyntaxKind Kind => SyntaxKind.ListType;

    public required TypeNode Type { get; init; }
}
