using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>What a <see cref="Schema"/> is made from; the schema collects every type these reach.</summary>
public sealed class SchemaConfig
{
    public ObjectType? Query { get; init; }

    public ObjectType? Mutation { get; init; }

    public ObjectType? Subscription { get; init; }

    /// <summary>Types to include even if no field reaches them (e.g. implementations of an interface), in printing order.</summary>
    public IReadOnlyList<NamedType> Types { get; init; } = [];

    /// <summary>The directives of the schema; null means the specified ones (@include, @skip, @deprecated, @specifiedBy, @oneOf).</summary>
    public IReadOnlyList<DirectiveDefinition>? Directives { get; init; }

    public string? Description { get; init; }

    public SchemaDefinitionNode? AstNode { get; init; }

    public IReadOnlyList<SchemaExtensionNode> ExtensionAstNodes { get; init; } = [];

    /// <summary>The SDL named a query root that is not an object type (already reported), so it is not missing.</summary>
    internal bool QueryRootRejected { get; init; }
}
