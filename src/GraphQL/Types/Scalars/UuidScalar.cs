using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>UUID (RFC 9562), as the 36-character hyphenated string.</summary>
internal sealed class UuidScalar : ScalarType
{
    public UuidScalar()
        : base("UUID")
    {
        Description = "The `UUID` scalar type represents a universally unique identifier (RFC 9562) as a string such as `\"5f2b7c1e-0c8a-4d6f-9b1a-3e2f4a5b6c7d\"`.";
        SpecifiedByUrl = "https://www.rfc-editor.org/rfc/rfc9562";
    }

    public override Type RuntimeType => typeof(Guid);

    public override object? Serialize(object? value) => value switch
    {
        Guid g => g.ToString("D", CultureInfo.InvariantCulture),
        string s when Guid.TryParseExact(s, "D", out var g) => g.ToString("D", CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"UUID cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s when Guid.TryParseExact(s, "D", out var g) => g,
        _ => throw new ValueCoercionException($"UUID cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal is StringValueNode s && Guid.TryParseExact(s.Value, "D", out var g)
            ? g
            : throw new ValueCoercionException($"UUID cannot represent value: {ValuePrinter.Print(literal)}", literal);
    }
}
