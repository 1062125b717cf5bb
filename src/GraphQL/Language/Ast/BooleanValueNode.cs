namespace Voting.GraphQL.Language.Ast;

public sealed class BooleanValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.BooleanValue;

    public bool Value { get; init; }
}
