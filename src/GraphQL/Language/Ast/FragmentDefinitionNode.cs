namespace Voting.GraphQL.Language.Ast;

public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.FragmentDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public required NamedTypeNode TypeCondition { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public required SelectionSetNode SelectionSet { get; init; }
}
