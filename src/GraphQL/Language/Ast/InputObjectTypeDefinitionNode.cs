namespace Voting.GraphQL.Language.Ast;

public sealed class InputObjectTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
