namespace Voting.GraphQL.Language.Ast;

public sealed class FieldNode : SelectionNode
{
    public override SyntaxKind Kind => SyntaxKind.Field;

    public NameNode? Alias { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public SelectionSetNode? SelectionSet { get; init; }
}
