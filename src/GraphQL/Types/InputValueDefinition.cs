using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>What arguments and input fields share: a name, an input type and an optional default.</summary>
public abstract class InputValueDefinition
{
    private readonly Lazy<(bool HasValue, object? Value)> _coercedDefault;

    private protected InputValueDefinition(string name, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
        _coercedDefault = new Lazy<(bool, object?)>(() => InputCoercion.CoerceDefault(this));
    }

    public string Name { get; }

    public GraphQLType Type { get; }

    public string? Description { get; init; }

    /// <summary>
    /// The default as a literal (graphql-js 17 keeps it this way too): coercing it is the
    /// executor's job, against the type, and the printer prints it as written.
    /// </summary>
    public ValueNode? DefaultValue { get; init; }

    public bool HasDefaultValue => DefaultValue is not null;

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public InputValueDefinitionNode? AstNode { get; init; }

    /// <summary>The default, coerced once, the first time execution needs it.</summary>
    internal (bool HasValue, object? Value) CoercedDefault => _coercedDefault.Value;

    /// <summary>Required: non-null and without a default, so it must be given (spec "required argument").</summary>
    public bool IsRequired => Type is NonNullType && DefaultValue is null;
}
