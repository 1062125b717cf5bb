using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinition
{
    public FieldDefinition(string name, GraphQLType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    public string Name { get; }

    public GraphQLType Type { get; }

    public string? Description { get; init; }

    public IReadOnlyList<ArgumentDefinition> Arguments { get; init; } = [];

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    /// <summary>Produces the field's value; null means the executor uses <see cref="DefaultFieldResolver.Resolve"/>.</summary>
    public FieldResolver? Resolver { get; init; }

    /// <summary>
    /// A resolver that needs nothing but the parent value (a property getter): synchronous, no
    /// arguments, no services. When a field has one, the executor calls it directly, with no resolver
    /// context (HotChocolate's pure resolvers); <see cref="Resolver"/> stays the general form.
    /// </summary>
    public Func<object?, object?>? PureResolver { get; init; }

    /// <summary>
    /// The field's value is its parent, whoever asks: a subscription field's <see cref="Resolver"/> on each event
    /// (the event is the field's value), guarded at most by a check of the subscription's user alone, which
    /// subscribing already passed. Lets the executor compute an event's result once for every subscriber whose
    /// selection needs nothing else (see <see cref="Execution.SharedEventResults"/>).
    /// </summary>
    internal bool ResolvesToParent { get; init; }

    /// <summary>
    /// For subscription root fields: produces the event stream, an <see cref="IAsyncEnumerable{T}"/> of
    /// <see cref="object"/>; each event then becomes the parent of <see cref="Resolver"/> (spec 6.2.3).
    /// </summary>
    public FieldResolver? Subscriber { get; init; }

    public FieldDefinitionNode? AstNode { get; init; }

    /// <summary>The object or interface type the field belongs to; set when the schema is built.</summary>
    public ComplexType? DeclaringType { get; internal set; }

    public ArgumentDefinition? GetArgument(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The schema coordinate, <c>Type.field</c>, as messages print it.</summary>
    public override string ToString() => DeclaringType is null ? Name : $"{DeclaringType.Name}.{Name}";
}
