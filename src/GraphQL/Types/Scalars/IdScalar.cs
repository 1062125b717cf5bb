using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>ID (spec 3.5.5): serialized as a string; accepts strings and integers as input.</summary>
internal sealed class IdScalar : ScalarType
{
    public IdScalar()
        : base("ID")
    {
        Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.";
    }

    public override Type RuntimeType => typeof(string);

    public override object? Serialize(object? value) => value switch
    {
        string s => s,
        Guid g => g.ToString("D", CultureInfo.InvariantCulture),
        _ when Numbers.TryGetInteger(value, out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"ID cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s => s,
        _ when Numbers.TryGetInteger(value, out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => throw new ValueCoercionException($"ID cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new ValueCoercionException($"ID cannot represent a non-string and non-integer value: {ValuePrinter.Print(literal)}", literal),
        };
    }
}
