using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Int (spec 3.5.1): a signed 32-bit integer.</summary>
internal sealed class IntScalar : ScalarType
{
    public IntScalar()
        : base("Int")
    {
        Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.";
    }

    public override Type RuntimeType => typeof(int);

    public override object? Serialize(object? value)
    {
        if (value is int)
        {
            return value;
        }

        var number = value switch
        {
            bool b => b ? 1 : 0,
            string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => value,
        };
        if (!Numbers.IsIntegral(number))
        {
            throw new ValueCoercionException($"Int cannot represent non-integer value: {Inspector.Inspect(value)}");
        }

        if (!Numbers.TryGetInteger(number, out var integer) || integer is < int.MinValue or > int.MaxValue)
        {
            throw new ValueCoercionException($"Int cannot represent non 32-bit signed integer value: {Inspector.Inspect(value)}");
        }

        return (int)integer;
    }

    public override object? ParseValue(object? value)
    {
        if (!Numbers.IsIntegral(value))
        {
            throw new ValueCoercionException($"Int cannot represent non-integer value: {Inspector.Inspect(value)}");
        }

        if (!Numbers.TryGetInteger(value, out var integer) || integer is < int.MinValue or > int.MaxValue)
        {
            throw new ValueCoercionException($"Int cannot represent non 32-bit signed integer value: {Inspector.Inspect(value)}");
        }

        return (int)integer;
    }

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (literal is not IntValueNode node)
        {
            throw new ValueCoercionException($"Int cannot represent non-integer value: {ValuePrinter.Print(literal)}", literal);
        }

        return int.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ValueCoercionException($"Int cannot represent non 32-bit signed integer value: {node.Value}", literal);
    }
}
