namespace Voting.GraphQL.Language.Ast;

public sealed class OperationTypeDefinitionNode : Node
{
    public override SyntaxKind Kind => SyntaxKind.OperationTypeDefinition;

    public OperationType Operation { get; init; }

    public required NamedTypeNode Type { get; init; }
}
