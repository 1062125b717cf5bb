using System.Linq.Expressions;
using System.Reflection;

namespace Voting.GraphQL.Data;

/// <summary>
/// One column of a keyset: a property's value or, before a nullable property's value, its null rank
/// (0 for null, 1 otherwise). Ordering by the rank first puts nulls first on every provider (SQL
/// databases disagree on where NULL sorts) and keeps the keyset comparison free of NULL logic.
/// </summary>
internal sealed record KeyPart(string Name, PropertyInfo Property, bool IsRank, bool Descending)
{
    public Type Type => IsRank ? typeof(int) : Property.PropertyType;

    public Expression Body(Expression element)
    {
        var value = Expression.Property(element, Property);
        return IsRank
            ? Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(0), Expression.Constant(1))
            : value;
    }

    public object? ValueOf(object row)
    {
        var value = Property.GetValue(row);
        return IsRank ? (value is null ? 0 : 1) : value;
    }
}
