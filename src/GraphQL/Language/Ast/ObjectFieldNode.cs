namespace Voting.GraphQL.Language.Ast;

public sealed class ObjectFieldNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.ObjectField;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
