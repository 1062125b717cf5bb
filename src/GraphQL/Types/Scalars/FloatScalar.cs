using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Float (spec 3.5.2): a finite double-precision value.</summary>
internal sealed class FloatScalar : ScalarType
{
    public FloatScalar()
        : base("Float")
    {
        Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).";
    }

    public override Type RuntimeType => typeof(double);

    public override object? Serialize(object? value)
    {
        var number = value switch
        {
            bool b => b ? 1d : 0d,
            string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => value,
        };
        return Numbers.TryGetDouble(number, out var d) && double.IsFinite(d)
            ? d
            : throw new ValueCoercionException($"Float cannot represent non numeric value: {Inspector.Inspect(value)}");
    }

    public override object? ParseValue(object? value) =>
        Numbers.TryGetDouble(value, out var d) && double.IsFinite(d)
            ? d
            : throw new ValueCoercionException($"Float cannot represent non numeric value: {Inspector.Inspect(value)}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal switch
        {
            IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
            _ => throw new ValueCoercionException($"Float cannot represent non numeric value: {ValuePrinter.Print(literal)}", literal),
        };
    }
}
