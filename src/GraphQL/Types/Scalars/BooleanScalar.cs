using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Boolean (spec 3.5.4): true or false.</summary>
internal sealed class BooleanScalar : ScalarType
{
    public BooleanScalar()
        : base("Boolean")
    {
        Description = "The `Boolean` scalar type represents `true` or `false`.";
    }

    public override Type RuntimeType => typeof(bool);

    public override object? Serialize(object? value) => value switch
    {
        bool b => b,
        _ when Numbers.TryGetDouble(value, out var d) && double.IsFinite(d) => d != 0,
        _ => throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseValue(object? value) =>
        value is bool b ? b : throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {Inspector.Inspect(value)}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal is BooleanValueNode b
            ? b.Value
            : throw new ValueCoercionException($"Boolean cannot represent a non boolean value: {ValuePrinter.Print(literal)}", literal);
    }
}
