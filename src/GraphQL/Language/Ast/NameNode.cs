namespace Voting.GraphQL.Language.Ast;

public sealed class NameNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.Name;

    public required string Value { get; init; }
}
