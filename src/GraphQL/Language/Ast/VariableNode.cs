namespace Voting.GraphQL.Language.Ast;

public sealed class VariableNode : ValueNode
{
    public override SyntaxKind Kind => SyntaxKind.Variable;

    public required NameNode Name { get; init; }
}
