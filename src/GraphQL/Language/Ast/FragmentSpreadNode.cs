namespace Voting.GraphQL.Language.Ast;

public sealed class FragmentSpreadNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentSpread;

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
