using System.Linq.Expressions;
using System.Reflection;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Data;

/// <summary>
/// The <c>where</c> argument of one element type: its <c>{T}FilterInput</c> and the translation of a
/// client's value into one boolean expression over the element, so the LINQ provider runs one query.
/// Nested objects and collections are not filterable: such properties are left out of the input.
/// </summary>
internal sealed class FilterModel
{
    private readonly Dictionary<string, FilterProperty> _properties;

    private FilterModel(InputObjectType type, IEnumerable<FilterProperty> properties)
    {
        Type = type;
        _properties = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public InputObjectType Type { get; }

    /// <summary>The model of <paramref name="elementType"/>, its filter input added to the schema.</summary>
    /// <exception cref="SchemaValidationException">A property's scalar type has no comparison an expression can make.</exception>
    public static FilterModel Create(FieldConfiguration field, Type elementType)
    {
        var schema = field.Schema;
        var typeName = schema.OutputType(elementType).GetNamedType().Name;
        var name = typeName + "FilterInput";
        var properties = new List<FilterProperty>();
        var operands = new Dictionary<string, InputObjectType>(StringComparer.Ordinal);
        foreach (var (fieldName, property) in DataProperties.Of(elementType))
        {
            if (Classify(field, property) is not var (kind, operand))
            {
                continue;
            }

            properties.Add(new FilterProperty(fieldName, property, kind));
            operands[fieldName] = FilterOperations.InputType(schema, kind, operand);
        }

        InputObjectType? self = null;
        self = schema.GetOrAddType(name, () => new InputObjectType(name, () =>
        [
            new InputFieldDefinition(FilterOperations.And, new ListType(new NonNullType(self!))) { Description = "All of these hold." },
            new InputFieldDefinition(FilterOperations.Or, new ListType(new NonNullType(self!))) { Description = "At least one of these holds." },
            .. properties.Select(p => new InputFieldDefinition(p.Name, operands[p.Name])),
        ])
        {
            Description = $"Conditions on {typeName}; all given must hold.",
        });
        return new FilterModel(self, properties);
    }

    /// <summary>The condition <paramref name="where"/> sets on <paramref name="element"/>.</summary>
    public Expression Translate(Expression element, IReadOnlyDictionary<string, object?> where, ICaseInsensitiveStringTranslator translator)
    {
        var conditions = new List<Expression>();
        foreach (var (name, value) in where)
        {
            switch (name)
            {
                case FilterOperations.And when value is IEnumerable<object?> all:
                    conditions.Add(All(all.Select(w => Translate(element, (IReadOnlyDictionary<string, object?>)w!, translator))));
                    break;
                case FilterOperations.Or when value is IEnumerable<object?> any:
                    // An empty "or" holds for nothing, as an empty disjunction does.
                    conditions.Add(any.Select(w => Translate(element, (IReadOnlyDictionary<string, object?>)w!, translator))
                        .Aggregate((Expression)Expression.Constant(false), Expression.OrElse));
                    break;
                case FilterOperations.And or FilterOperations.Or:
                    break;
                default:
                    if (value is IReadOnlyDictionary<string, object?> operations && _properties.TryGetValue(name, out var property))
                    {
                        var member = Expression.Property(element, property.Property);
                        conditions.AddRange(operations.Select(o => Operation(property, member, o.Key, o.Value, translator)));
                    }

                    break;
            }
        }

        return All(conditions);
    }

    private static (FilterKind Kind, NamedType Operand)? Classify(FieldConfiguration field, PropertyInfo property)
    {
        var type = DataProperties.Underlying(property.PropertyType);
        if (property.IsDefined(typeof(IDAttribute), inherit: true))
        {
            return Require(FilterKind.Equatable, Scalars.ID);
        }

        if (type == typeof(string))
        {
            return (FilterKind.String, Scalars.String);
        }

        if (type == typeof(bool))
        {
            return (FilterKind.Boolean, Scalars.Boolean);
        }

        if (type.IsEnum)
        {
            return (FilterKind.Equatable, field.Schema.InputType(type).GetNamedType());
        }

        if (field.Schema.FindScalar(type) is not { } scalar)
        {
            // An object, a list or an unmapped type: no filter operations, so no filter field.
            return null;
        }

        return DataProperties.HasOrdering(type) ? (FilterKind.Comparable, scalar) : Require(FilterKind.Equatable, scalar);

        (FilterKind, NamedType) Require(FilterKind kind, NamedType operand) => DataProperties.HasEquality(type)
            ? (kind, operand)
            : throw new SchemaValidationException(
                $"[UseFiltering] on {field.DeclaringType.Name}.{field.Member.Name} ({field.Name}): the property {property.DeclaringType?.Name}.{property.Name} of type {type.Name} has no == operator, so no filter on it can be translated; give the type one or mark the property [GraphQLIgnore].");
    }

    private static Expression All(IEnumerable<Expression> conditions) =>
        conditions.DefaultIfEmpty(Expression.Constant(true)).Aggregate(Expression.AndAlso);

    private static Expression Operation(FilterProperty property, MemberExpression member, string operation, object? operand, ICaseInsensitiveStringTranslator translator)
    {
        var what = $"{property.Name}.{operation}";
        var type = member.Type;
        switch (operation)
        {
            case FilterOperations.Eq:
                return operand is null ? IsNull(member) : Expression.Equal(member, Value(operand, type, what));
            case FilterOperations.Neq:
                return operand is null ? Expression.Not(IsNull(member)) : Expression.NotEqual(member, Value(operand, type, what));
            case FilterOperations.In:
                return In(member, operand, what);
            case FilterOperations.Nin:
                return Expression.Not(In(member, operand, what));
            case FilterOperations.Gt:
                return Expression.GreaterThan(member, Value(operand, type, what));
            case FilterOperations.Ngt:
                return Expression.Not(Expression.GreaterThan(member, Value(operand, type, what)));
            case FilterOperations.Gte:
                return Expression.GreaterThanOrEqual(member, Value(operand, type, what));
            case FilterOperations.Ngte:
                return Expression.Not(Expression.GreaterThanOrEqual(member, Value(operand, type, what)));
            case FilterOperations.Lt:
                return Expression.LessThan(member, Value(operand, type, what));
            case FilterOperations.Nlt:
                return Expression.Not(Expression.LessThan(member, Value(operand, type, what)));
            case FilterOperations.Lte:
                return Expression.LessThanOrEqual(member, Value(operand, type, what));
            case FilterOperations.Nlte:
                return Expression.Not(Expression.LessThanOrEqual(member, Value(operand, type, what)));
        }

        // What is left are the string operations.
        var ignoreCase = operation.EndsWith(FilterOperations.IgnoreCase, StringComparison.Ordinal);
        var baseName = ignoreCase ? operation[..^FilterOperations.IgnoreCase.Length] : operation;
        var negated = baseName is FilterOperations.Neq or FilterOperations.Ncontains or FilterOperations.NstartsWith or FilterOperations.NendsWith;
        var match = baseName switch
        {
            FilterOperations.Eq or FilterOperations.Neq => StringMatch.Equals,
            FilterOperations.Contains or FilterOperations.Ncontains => StringMatch.Contains,
            FilterOperations.StartsWith or FilterOperations.NstartsWith => StringMatch.StartsWith,
            FilterOperations.EndsWith or FilterOperations.NendsWith => StringMatch.EndsWith,
            _ => throw new InvalidOperationException($"Unknown filter operation \"{operation}\"."),
        };
        var text = operand as string ?? throw new GraphQLException($"{what} does not take null.", ErrorCodes.BadUserInput);
        var test = ignoreCase ? translator.Translate(member, match, text) : CaseSensitive(member, match, text);

        // Null never matches and always fails to match, the same in C# and SQL.
        return negated
            ? Expression.OrElse(IsNull(member), Expression.Not(test))
            : Expression.AndAlso(Expression.Not(IsNull(member)), test);
    }

    private static Expression CaseSensitive(Expression member, StringMatch match, string text)
    {
        var operand = QueryParameter.Of(text);
        return match switch
        {
            StringMatch.Equals => Expression.Equal(member, operand),
            _ => Expression.Call(member, typeof(string).GetMethod(match.ToString(), [typeof(string)])!, operand),
        };
    }

    private static Expression IsNull(Expression member) =>
        DataProperties.CanBeNull(member.Type) ? Expression.Equal(member, Expression.Constant(null, member.Type)) : Expression.Constant(false);

    private static Expression Value(object? operand, Type type, string what) =>
        operand is null
            ? throw new GraphQLException($"{what} does not take null.", ErrorCodes.BadUserInput)
            : QueryParameter.Of(DataProperties.Convert(operand, type, what), type);

    private static Expression In(Expression member, object? operand, string what)
    {
        if (operand is not IEnumerable<object?> items)
        {
            throw new GraphQLException($"{what} does not take null.", ErrorCodes.BadUserInput);
        }

        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Type))!;
        foreach (var item in items)
        {
            list.Add(DataProperties.Convert(item, member.Type, what));
        }

        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type], QueryParameter.Of(list, list.GetType()), member);
    }
}
