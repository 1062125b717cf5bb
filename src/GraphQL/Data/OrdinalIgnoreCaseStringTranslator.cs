using System.Linq.Expressions;

namespace Voting.GraphQL.Data;

/// <summary>
/// The case-insensitive string translator for in-memory data (LINQ to Objects): .NET's
/// <see cref="StringComparison.OrdinalIgnoreCase"/>, which compares as if both sides were
/// upper-cased invariantly. Database providers do not translate these calls; give them their own
/// <see cref="ICaseInsensitiveStringTranslator"/>.
/// </summary>
public sealed class OrdinalIgnoreCaseStringTranslator : ICaseInsensitiveStringTranslator
{
    private static readonly ConstantExpression IgnoreCase = Expression.Constant(StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared instance (the translator holds no state).</summary>
    public static OrdinalIgnoreCaseStringTranslator Instance { get; } = new();

    /// <inheritdoc />
    public Expression Translate(Expression property, StringMatch match, string value)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(value);
        var operand = QueryParameter.Of(value);
        return match switch
        {
            StringMatch.Equals => Expression.Call(typeof(string), nameof(string.Equals), Type.EmptyTypes, property, operand, IgnoreCase),
            StringMatch.Contains => Call(property, nameof(string.Contains), operand),
            StringMatch.StartsWith => Call(property, nameof(string.StartsWith), operand),
            StringMatch.EndsWith => Call(property, nameof(string.EndsWith), operand),
            _ => throw new ArgumentOutOfRangeException(nameof(match), match, "Unknown string match."),
        };
    }

    private static MethodCallExpression Call(Expression property, string method, Expression operand) =>
        Expression.Call(property, typeof(string).GetMethod(method, [typeof(string), typeof(StringComparison)])!, operand, IgnoreCase);
}
