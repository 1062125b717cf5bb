using System.Globalization;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>Date: an RFC 3339 full-date (<c>yyyy-MM-dd</c>) without time or offset.</summary>
internal sealed class DateScalar : ScalarType
{
    public DateScalar()
        : base("Date")
    {
        Description = "The `Date` scalar type represents a calendar date without time, as an RFC 3339 full-date string such as `\"2026-05-01\"`.";
        SpecifiedByUrl = "https://scalars.graphql.org/chillicream/date.html";
    }

    public override Type RuntimeType => typeof(DateOnly);

    public override object? Serialize(object? value) => value switch
    {
        DateOnly d => Format(d),
        DateTime d => Format(DateOnly.FromDateTime(d)),
        DateTimeOffset d => Format(DateOnly.FromDateTime(d.DateTime)),
        string s when TryParse(s, out var d) => Format(d),
        _ => throw new ValueCoercionException($"Date cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s when TryParse(s, out var d) => d,
        _ => throw new ValueCoercionException($"Date cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal is StringValueNode s && TryParse(s.Value, out var d)
            ? d
            : throw new ValueCoercionException($"Date cannot represent value: {ValuePrinter.Print(literal)}", literal);
    }

    private static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
