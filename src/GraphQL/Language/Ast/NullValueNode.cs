namespace Voting.GraphQL.Language.Ast;

public sealed class NullValueNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.NullValue;
}
