namespace Voting.GraphQL.Language.Ast;

public sealed class DirectiveDefinitionNode : TypeSystemDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.DirectiveDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    public bool Repeatable { get; init; }

    public IReadOnlyList<NameNode> Locations { get; init; } = [];
}
