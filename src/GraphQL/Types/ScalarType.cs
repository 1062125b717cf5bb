using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// A scalar type and its coercion rules (spec 3.5): <see cref="Serialize"/> for results,
/// <see cref="ParseValue"/> for variable values, <see cref="ParseLiteral"/> for literals in the
/// document. The base implementation passes values through, as graphql-js does for a scalar
/// declared in SDL without an implementation; custom scalars derive from it (hence not sealed).
/// </summary>
public class ScalarType : NamedType
{
    public ScalarType(string name)
        : base(name)
    {
    }

    /// <summary>The URL of the scalar's specification, printed as <c>@specifiedBy(url:)</c>.</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>The CLR type values of this scalar have after input coercion (code-first mapping uses it).</summary>
    public virtual Type? RuntimeType => null;

    public virtual object? Serialize(object? value) => value;

    public virtual object? ParseValue(object? value) => value;

    /// <param name="literal">A literal; variables inside lists or objects are looked up in <paramref name="variables"/>.</param>
    /// <param name="variables">Coerced variable values, or null outside an operation.</param>
    public virtual object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        ValueFromAstUntyped(literal, variables);

    /// <summary>The JSON-like value a literal denotes, with no type to guide it (graphql-js's valueFromASTUntyped).</summary>
    protected static object? ValueFromAstUntyped(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal switch
        {
            NullValueNode => null,
            IntValueNode i => long.TryParse(i.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l)
                ? (l is >= int.MinValue and <= int.MaxValue ? (int)l : l)
                : double.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture),
            StringValueNode s => s.Value,
            BooleanValueNode b => b.Value,
            EnumValueNode e => e.Value,
            ListValueNode list => list.Values.Select(v => ValueFromAstUntyped(v, variables)).ToList(),
            ObjectValueNode obj => obj.Fields.ToDictionary(f => f.Name.Value, f => ValueFromAstUntyped(f.Value, variables)),
            VariableNode v => variables?.GetValueOrDefault(v.Name.Value),
            _ => throw new ArgumentException($"Unexpected value node {literal.Kind}.", nameof(literal)),
        };
    }
}
