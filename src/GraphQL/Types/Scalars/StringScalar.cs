using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>String (spec 3.5.3): a sequence of Unicode code points.</summary>
internal sealed class StringScalar : ScalarType
{
    public StringScalar()
        : base("String")
    {
        Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.";
    }

    public override Type RuntimeType => typeof(string);

    public override object? Serialize(object? value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        _ when Numbers.TryGetDouble(value, out var d) && double.IsFinite(d) => Numbers.TryGetInteger(value, out var l)
            ? l.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Inspector.FormatDouble(d),
        _ => throw new ValueCoercionException($"String cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseValue(object? value) =>
        value as string ?? throw new ValueCoercionException($"String cannot represent a non string value: {Inspector.Inspect(value)}");

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal is StringValueNode s
            ? s.Value
            : throw new ValueCoercionException($"String cannot represent a non string value: {ValuePrinter.Print(literal)}", literal);
    }
}
