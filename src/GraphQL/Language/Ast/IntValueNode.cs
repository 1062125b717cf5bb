namespace Voting.GraphQL.Language.Ast;

public sealed class IntValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.IntValue;

    public required string Value { get; init; }
}
