using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Long: a signed 64-bit integer, for values Int cannot hold; messages follow Int's.</summary>
internal sealed class LongScalar : ScalarType
{
    public LongScalar()
        : base("Long")
    {
        Description = "The `Long` scalar type represents non-fractional signed whole 64-bit numeric values. Long can represent values between -(2^63) and 2^63 - 1.";
        SpecifiedByUrl = "https://scalars.graphql.org/jakobmerrild/long.html";
    }

    public override Type RuntimeType => typeof(long);

    public override object? Serialize(object? value) => Coerce(value);

    public override object? ParseValue(object? value) => Coerce(value);

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        if (literal is not IntValueNode node)
        {
            throw new ValueCoercionException($"Long cannot represent non-integer value: {ValuePrinter.Print(literal)}", literal);
        }

        return long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ValueCoercionException($"Long cannot represent non 64-bit signed integer value: {node.Value}", literal);
    }

    private static long Coerce(object? value)
    {
        if (!Numbers.IsIntegral(value))
        {
            throw new ValueCoercionException($"Long cannot represent non-integer value: {Inspector.Inspect(value)}");
        }

        return Numbers.TryGetInteger(value, out var result)
            ? result
            : throw new ValueCoercionException($"Long cannot represent non 64-bit signed integer value: {Inspector.Inspect(value)}");
    }
}
