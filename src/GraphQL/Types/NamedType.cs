using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public string? Description { get; init; }

    /// <summary>The directives applied to the type in SDL (kept as written for tools that read them).</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    /// <summary>The definition this type was built from, if any; error locations point there.</summary>
    public TypeDefinitionNode? AstNode { get; init; }

    public IReadOnlyList<TypeExtensionNode> ExtensionAstNodes { get; init; } = [];

    public sealed override string ToString() => Name;

    /// <summary>Forces the lazily supplied members (fields, interfaces, member types) so the type is complete.</summary>
    internal virtual void Complete()
    {
    }
}
