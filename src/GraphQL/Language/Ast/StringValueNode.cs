namespace Voting.GraphQL.Language.Ast;

public sealed class StringValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.StringValue;

    public required string Value { get; init; }

    public bool Block { get; init; }
}
