using System.Linq.Expressions;
using System.Reflection;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>
/// What filtering, sorting and paging ask about the element type's properties: which ones the
/// schema shows and under what name (as code-first mapping names fields: camelCase,
/// <see cref="GraphQLNameAttribute"/>, <see cref="GraphQLIgnoreAttribute"/>), whether they can be null,
/// which comparisons an expression can make of them, and how a client's value becomes theirs.
/// </summary>
internal static class DataProperties
{

    public static IEnumerable<(string Name, PropertyInfo Property)> Of(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && !p.IsDefined(typeof(GraphQLIgnoreAttribute), inherit: true))
            .Select(p => (p.GetCustomAttribute<GraphQLNameAttribute>(inherit: true)?.Name ?? ClrNaming.CamelCase(p.Name), p));

    /// <summary>A <see cref="Nullable{T}"/>, or a reference type not declared non-null.</summary>
    public static bool IsNullable(PropertyInfo property)
    {
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null)
        {
            return true;
        }

        // NullabilityInfoContext caches without locks: one per call, since schemas may be built in parallel.
        return !property.PropertyType.IsValueType && new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull;
    }

    public static bool CanBeNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    public static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>Whether <c>==</c> between two values of <paramref name="type"/> makes an expression (built in or a user-defined operator).</summary>
    public static bool HasEquality(Type type) => Builds(() => Expression.Equal(Expression.Default(type), Expression.Default(type)));

    /// <summary>Whether <c>&gt;</c> between two values of <paramref name="type"/> makes an expression.</summary>
    public static bool HasOrdering(Type type) => Builds(() => Expression.GreaterThan(Expression.Default(type), Expression.Default(type)));

    /// <summary>
    /// A client's (coerced) value as a value of <paramref name="type"/>'s underlying type: numbers
    /// widened or narrowed, the <c>DateTime</c> scalar's <see cref="DateTimeOffset"/> as a UTC
    /// <see cref="DateTime"/>, an <c>ID</c> string parsed. A value that does not fit is the client's mistake.
    /// </summary>
    public static object? Convert(object? value, Type type, string what)
    {
        var target = Underlying(type);
        if (value is null || target.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return value switch
            {
                DateTimeOffset offset when target == typeof(DateTime) => offset.UtcDateTime,
                string text when target == typeof(Guid) => Guid.Parse(text),
                string text when target.IsEnum => Enum.Parse(target, text),
                IConvertible => System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            throw new GraphQLException($"{what}: {Inspector.Inspect(value)} is not a valid {target.Name}.", ErrorCodes.BadUserInput);
        }
    }

    private static bool Builds(Func<Expression> build)
    {
        try
        {
            build();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
