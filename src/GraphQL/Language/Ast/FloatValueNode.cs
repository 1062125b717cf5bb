namespace Voting.GraphQL.Language.Ast;

public sealed class FloatValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.FloatValue;

    public required string Value { get; init; }
}
