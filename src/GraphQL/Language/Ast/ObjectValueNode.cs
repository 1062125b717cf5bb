namespace Voting.GraphQL.Language.Ast;

public sealed class ObjectValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.ObjectValue;

    public IReadOnlyList<ObjectFieldNode> Fields { get; init; } = [];
}
