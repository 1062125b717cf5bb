namespace Voting.GraphQL.Language.Ast;

public sealed class DirectiveNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.Directive;

    public required NameNode Name { get; init; }

    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
