namespace Voting.GraphQL.Language.Ast;

public sealed class ListValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ListValue;

    public IReadOnlyList<ValueNode> Values { get; init; } = [];
}
