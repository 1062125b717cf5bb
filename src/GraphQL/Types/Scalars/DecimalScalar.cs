using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Decimal: an exact base-10 number (CLR decimal), written as a JSON number.</summary>
internal sealed class DecimalScalar : ScalarType
{
    public DecimalScalar()
        : base("Decimal")
    {
        Description = "The `Decimal` scalar type represents exact signed decimal numbers with up to 28 significant digits, as a JSON number.";
        SpecifiedByUrl = "https://learn.microsoft.com/dotnet/api/system.decimal";
    }

    public override Type RuntimeType => typeof(decimal);

    public override object? Serialize(object? value) => Coerce(value);

    public override object? ParseValue(object? value) => Coerce(value);

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var text = literal switch
        {
            IntValueNode i => i.Value,
            FloatValueNode f => f.Value,
            _ => throw new ValueCoercionException($"Decimal cannot represent non numeric value: {ValuePrinter.Print(literal)}", literal),
        };
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ValueCoercionException($"Decimal cannot represent value: {text}", literal);
    }

    private static decimal Coerce(object? value)
    {
        try
        {
            return value switch
            {
                decimal m => m,
                double d when double.IsFinite(d) => (decimal)d,
                float f when float.IsFinite(f) => (decimal)f,
                _ when Numbers.TryGetInteger(value, out var l) => l,
                _ => throw new ValueCoercionException($"Decimal cannot represent non numeric value: {Inspector.Inspect(value)}"),
            };
        }
        catch (OverflowException)
        {
            throw new ValueCoercionException($"Decimal cannot represent value: {Inspector.Inspect(value)}");
        }
    }
}
