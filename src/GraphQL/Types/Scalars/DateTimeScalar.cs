using System.Globalization;
using System.Text.RegularExpressions;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// DateTime: an RFC 3339 date-time with an offset (the chillicream date-time scalar spec). Values
/// without an offset are refused, as the spec requires, so a client cannot send an ambiguous time.
/// </summary>
internal sealed partial class DateTimeScalar : ScalarType
{
    public DateTimeScalar()
        : base("DateTime")
    {
        Description = "The `DateTime` scalar type represents a date and time with an offset from UTC, as an RFC 3339 string such as `\"2026-05-01T09:30:00Z\"`.";
        SpecifiedByUrl = "https://scalars.graphql.org/chillicream/date-time.html";
    }

    public override Type RuntimeType => typeof(DateTimeOffset);

    public override object? Serialize(object? value) => value switch
    {
        DateTimeOffset d => Format(d),
        DateTime d => Format(d.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(d, TimeSpan.Zero) : new DateTimeOffset(d)),
        string s when TryParse(s, out var d) => Format(d),
        _ => throw new ValueCoercionException($"DateTime cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s when TryParse(s, out var d) => d,
        _ => throw new ValueCoercionException($"DateTime cannot represent value: {Inspector.Inspect(value)}"),
    };

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal is StringValueNode s && TryParse(s.Value, out var d)
            ? d
            : throw new ValueCoercionException($"DateTime cannot represent value: {ValuePrinter.Print(literal)}", literal);
    }

    internal static string Format(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
