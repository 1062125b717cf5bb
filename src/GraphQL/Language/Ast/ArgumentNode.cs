namespace Voting.GraphQL.Language.Ast;

public sealed class ArgumentNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.Argument;

    public required NameNode Name { get; init; }

    public required ValueNode Value { get; init; }
}
