using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// A scalar declared in SDL whose coercion comes from an implementation (e.g. <c>scalar DateTime</c>
/// bound to <see cref="Scalars.DateTime"/>), keeping the SDL's own description and directives so
/// that printing returns what was written.
/// </summary>
internal sealed class BoundScalarType(string name, ScalarType implementation) : ScalarType(name)
{
    public override Type? RuntimeType => implementation.RuntimeType;

    public override object? Serialize(object? value) => implementation.Serialize(value);

    public override object? ParseValue(object? value) => implementation.ParseValue(value);

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        implementation.ParseLiteral(literal, variables);
}
