namespace Voting.GraphQL.Language.Ast;

public sealed class InputObjectTypeExtensionNode : TypeExtensionNode
{
    public override SyntaxKind Kind => SyntaxKind.InputObjectTypeExtension;

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
