using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Voting.GraphQL.Data;

namespace Voting.WebApi.GraphQL.EntityFramework;

/// <summary>
/// Case-insensitive string filters on PostgreSQL: <c>ILIKE</c> (through <c>EF.Functions.ILike</c>) with
/// the client's text escaped, so <c>%</c>, <c>_</c> and <c>\</c> match only themselves. ILIKE folds
/// case by the database's locale, so non-ASCII letters compare without case too.
/// </summary>
public sealed class PostgresCaseInsensitiveStringTranslator : ICaseInsensitiveStringTranslator
{
    private static readonly System.Reflection.MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(
        nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <inheritdoc />
    public Expression Translate(Expression property, StringMatch match, string value)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(value);
        return Expression.Call(
            ILike,
            Expression.Property(null, typeof(EF), nameof(EF.Functions)),
            property,
            QueryParameter.Of(QueryParameter.LikePattern(match, value)),
            Expression.Constant(@"\"));
    }
}
