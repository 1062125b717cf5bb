namespace Voting.GraphQL.Language.Ast;

public sealed class DocumentNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.Document;

    public IReadOnlyList<DefinitionNode> Definitions { get; init; } = [];
}
