namespace Voting.GraphQL.Language.Ast;

public sealed class SchemaDefinitionNode : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.SchemaDefinition;

    public StringValueNode? Description { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}
