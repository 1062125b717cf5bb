namespace Voting.GraphQL.Language.Ast;

public sealed class SelectionSetNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.SelectionSet;

    public IReadOnlyList<SelectionNode> Selections { get; init; } = [];
}
