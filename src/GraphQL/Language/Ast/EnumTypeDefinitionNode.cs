namespace Voting.GraphQL.Language.Ast;

public sealed class EnumTypeDefinitionNode : TypeDefinitionNode
{
    public override SyntaxKind Kind => SyntaxKind.EnumTypeDefinition;

    public StringValueNode? Description { get; init; }

    public required NameNode Name { get; init; }

    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
