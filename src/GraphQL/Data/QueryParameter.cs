using System.Linq.Expressions;
using System.Text;

namespace Voting.GraphQL.Data;

/// <summary>
/// Client values inside filter and cursor expressions. A value is read from a captured object rather
/// than written as a constant, as a C# closure would be, so a database provider sends it as a query
/// parameter and caches one query plan for every value.
/// </summary>
public static class QueryParameter
{
    /// <summary>An expression of type <typeparamref name="T"/> that reads <paramref name="value"/> as a parameter.</summary>
    public static Expression Of<T>(T value) => Expression.Field(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    /// <summary>An expression of type <paramref name="type"/> that reads <paramref name="value"/> (null, or an instance of the type) as a parameter.</summary>
    public static Expression Of(object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), "Value");
    }

    /// <summary>
    /// <paramref name="value"/> with the SQL <c>LIKE</c> wildcards <c>%</c> and <c>_</c> and the escape
    /// character <c>\</c> itself preceded by <c>\</c>, for a pattern used with <c>ESCAPE '\'</c>: the
    /// client's text then matches only itself.
    /// </summary>
    public static string EscapeLike(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>The LIKE pattern (escaped, see <see cref="EscapeLike"/>) that makes <paramref name="match"/> of <paramref name="value"/>.</summary>
    public static string LikePattern(StringMatch match, string value)
    {
        var escaped = EscapeLike(value);
        return match switch
        {
            StringMatch.Equals => escaped,
            StringMatch.Contains => "%" + escaped + "%",
            StringMatch.StartsWith => escaped + "%",
            StringMatch.EndsWith => "%" + escaped,
            _ => throw new ArgumentOutOfRangeException(nameof(match), match, "Unknown string match."),
        };
    }

    // A class with a field, like the closure class the C# compiler makes for a captured local.
    private sealed class Box<T>(T value)
    {
        public readonly T Value = value;
    }
}
