using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Voting.GraphQL.Data;

namespace Voting.WebApi.GraphQL.EntityFramework;

/// <summary>
/// Case-insensitive string filters on SQLite: <c>lower(column) LIKE pattern ESCAPE '\'</c>, the pattern
/// being the client's text lower-cased and escaped. SQLite's <c>lower()</c> and <c>LIKE</c> fold only
/// ASCII letters (without the ICU extension), so "É" and "é" stay different there.
/// </summary>
public sealed class SqliteCaseInsensitiveStringTranslator : ICaseInsensitiveStringTranslator
{
    private static readonly System.Reflection.MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

    /// <inheritdoc />
    public Expression Translate(Expression property, StringMatch match, string value)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(value);
        return Expression.Call(
            Like,
            Expression.Property(null, typeof(EF), nameof(EF.Functions)),
            Expression.Call(property, ToLower),
            QueryParameter.Of(QueryParameter.LikePattern(match, value.ToLower(CultureInfo.InvariantCulture))),
            Expression.Constant(@"\"));
    }
}
