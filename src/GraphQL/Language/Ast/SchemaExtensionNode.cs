namespace Voting.GraphQL.Language.Ast;

public sealed class SchemaExtensionNode : TypeSystemExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaExtension;

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}
