namespace Voting.GraphQL.Language.Ast;

public sealed class EnumValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumValue;

    public required string Value { get; init; }
}
