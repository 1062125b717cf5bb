using System.Linq.Expressions;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>
/// The <c>order</c> argument of one element type: its <c>{T}SortInput</c>, a <c>@oneOf</c> input
/// with one <see cref="SortEnumType"/> field per sortable property (strings, booleans, enums and
/// scalars with an order; nested objects and lists are left out), and the ordering it asks for.
/// </summary>
internal sealed class SortModel
{
    private readonly Dictionary<string, SortField> _fields;

    private SortModel(InputObjectType type, IEnumerable<SortField> fields)
    {
        Type = type;
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public InputObjectType Type { get; }

    public static SortModel Create(FieldConfiguration field, Type elementType)
    {
        var schema = field.Schema;
        var typeName = schema.OutputType(elementType).GetNamedType().Name;
        var name = typeName + "SortInput";
        var direction = schema.InputType(typeof(SortEnumType), nullable: true);
        var fields = DataProperties.Of(elementType).Where(p => IsSortable(schema, p.Property.PropertyType)).Select(p => new SortField(p.Name, p.Property)).ToList();
        var type = schema.GetOrAddType(name, () => new InputObjectType(name, fields.Select(f => new InputFieldDefinition(f.Name, direction)))
        {
            Description = $"One key to order {typeName} by; list several to break ties.",
            IsOneOf = true,
        });
        return new SortModel(type, fields);
    }

    /// <summary>Strings, booleans, enums and ordered scalars; what keyset paging can also compare.</summary>
    public static bool IsSortable(SchemaBuildContext schema, Type type)
    {
        type = DataProperties.Underlying(type);
        return type == typeof(string) || type == typeof(bool) || type.IsEnum || (schema.FindScalar(type) is not null && DataProperties.HasOrdering(type));
    }

    /// <summary>The keys the <c>order</c> argument's value gives, in order.</summary>
    public IReadOnlyList<SortKey> Parse(object? order)
    {
        if (order is not IEnumerable<object?> items)
        {
            return [];
        }

        var keys = new List<SortKey>();
        foreach (var item in items)
        {
            // @oneOf: validation has made sure each item sets exactly one field.
            var (name, value) = ((IReadOnlyDictionary<string, object?>)item!).Single(f => f.Value is not null);
            keys.Add(new SortKey(_fields[name], value is SortEnumType.Desc));
        }

        return keys;
    }

    /// <summary><paramref name="query"/> ordered by <paramref name="keys"/> (OrderBy, then ThenBy).</summary>
    public static IQueryable<T> Apply<T>(IQueryable<T> query, IEnumerable<(LambdaExpression Key, bool Descending)> keys)
    {
        var first = true;
        foreach (var (key, descending) in keys)
        {
            var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : string.Empty);
            query = query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key)));
            first = false;
        }

        return query;
    }

    public static IEnumerable<(LambdaExpression Key, bool Descending)> Selectors<T>(IEnumerable<SortKey> keys)
    {
        foreach (var key in keys)
        {
            var element = Expression.Parameter(typeof(T), "x");
            var property = Expression.Property(element, key.Field.Property);
            if (key.Field.IsNullable)
            {
                // Providers disagree on where nulls sort (SQLite first, PostgreSQL last when ascending); rank
                // them first explicitly, as keyset paging does, so every provider and every page agree.
                var rank = Expression.Condition(Expression.Equal(property, Expression.Constant(null, property.Type)), Expression.Constant(0), Expression.Constant(1));
                yield return (Expression.Lambda(rank, element), key.Descending);
            }

            yield return (Expression.Lambda(property, element), key.Descending);
        }
    }
}
