namespace Voting.GraphQL.Language.Ast;

public sealed class InlineFragmentNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.InlineFragment;

    public NamedTypeNode? TypeCondition { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}
