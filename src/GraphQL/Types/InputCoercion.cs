using System.Collections;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Types;

/// <summary>
/// Input coercion (spec 3.5, 3.9, 3.10, 3.11; graphql-js's coerceInputValue, coerceInputLiteral and
/// coerceDefaultValue): turns variable values and literals into the CLR values resolvers receive.
/// Scalars and enums become their runtime values, lists <see cref="List{T}"/>, input objects the
/// result of <see cref="InputObjectType.CreateRuntimeValue"/> or else an
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> with absent fields given their defaults.
/// Values are expected to be valid already (see <see cref="InputLiteralValidator"/> and
/// <see cref="InputValueValidator"/>, which say what is wrong); an invalid one gives false.
/// </summary>
public static class InputCoercion
{
    /// <summary>Coerces a runtime value, such as a variable's value from the request's JSON.</summary>
    /// <param name="value">null, bool, numbers, strings, lists (<see cref="IEnumerable"/>) and objects (<see cref="IReadOnlyDictionary{TKey, TValue}"/>).</param>
    /// <param name="type">The input type.</param>
    /// <param name="result">The coerced value.</param>
    public static bool TryCoerceValue(object? value, GraphQLType type, out object? result)
    {
        ArgumentNullException.ThrowIfNull(type);
        result = null;
        if (type is NonNullType nonNull)
        {
            return value is not null && TryCoerceValue(value, nonNull.OfType, out result);
        }

        if (value is null)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (!IsList(value))
                {
                    // A single item where a list is expected is a list of one (spec 3.11).
                    if (!TryCoerceValue(value, list.OfType, out var item))
                    {
                        return false;
                    }

                    result = new List<object?> { item };
                    return true;
                }

                var items = new List<object?>();
                foreach (var element in (IEnumerable)value)
                {
                    if (!TryCoerceValue(element, list.OfType, out var coerced))
                    {
                        return false;
                    }

                    items.Add(coerced);
                }

                result = items;
                return true;
            case InputObjectType input:
                if (value is not IReadOnlyDictionary<string, object?> fields || fields.Keys.Any(k => input.GetField(k) is null))
                {
                    return false;
                }

                var coercedFields = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in input.Fields.Values)
                {
                    if (!fields.TryGetValue(field.Name, out var fieldValue))
                    {
                        if (field.IsRequired)
                        {
                            return false;
                        }

                        if (TryCoerceDefaultValue(field, out var defaultValue))
                        {
                            coercedFields[field.Name] = defaultValue;
                        }
                    }
                    else if (TryCoerceValue(fieldValue, field.Type, out var coercedField))
                    {
                        coercedFields[field.Name] = coercedField;
                    }
                    else
                    {
                        return false;
                    }
                }

                if (input.IsOneOf && (fields.Count != 1 || coercedFields.Count != 1 || coercedFields.Values.Single() is null))
                {
                    return false;
                }

                result = input.CreateRuntimeValue is { } create ? create(coercedFields) : coercedFields;
                return true;
            case ScalarType scalar:
                return TryLeaf(() => scalar.ParseValue(value), out result);
            case EnumType enumType:
                return TryLeaf(() => enumType.ParseValue(value), out result);
            default:
                return false;
        }
    }

    /// <summary>Coerces a literal, looking variables up in <paramref name="variables"/> (already coerced).</summary>
    public static bool TryCoerceLiteral(ValueNode literal, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? result)
    {
        ArgumentNullException.ThrowIfNull(literal);
        ArgumentNullException.ThrowIfNull(type);
        result = null;
        if (literal is VariableNode variable)
        {
            var known = variables is not null && variables.TryGetValue(variable.Name.Value, out result);
            return (known || type is not NonNullType) && !(result is null && type is NonNullType);
        }

        if (type is NonNullType nonNull)
        {
            return literal is not NullValueNode && TryCoerceLiteral(literal, nonNull.OfType, variables, out result);
        }

        if (literal is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (literal is not ListValueNode listLiteral)
                {
                    if (!TryCoerceLiteral(literal, list.OfType, variables, out var item))
                    {
                        return false;
                    }

                    result = new List<object?> { item };
                    return true;
                }

                var items = new List<object?>();
                foreach (var itemLiteral in listLiteral.Values)
                {
                    if (!TryCoerceLiteral(itemLiteral, list.OfType, variables, out var coerced))
                    {
                        // A missing variable in a list of nullable items is a null item.
                        if (itemLiteral is VariableNode && list.OfType is not NonNullType)
                        {
                            coerced = null;
                        }
                        else
                        {
                            return false;
                        }
                    }

                    items.Add(coerced);
                }

                result = items;
                return true;
            case InputObjectType input:
                return TryCoerceInputObjectLiteral(literal, input, variables, out result);
            case ScalarType scalar:
                return TryLeaf(() => scalar.ParseLiteral(literal, variables), out result);
            case EnumType enumType:
                return TryLeaf(() => enumType.ParseLiteral(literal), out result);
            default:
                return false;
        }
    }

    /// <summary>The coerced default of an argument or input field; false when it has none. Computed once per definition.</summary>
    public static bool TryCoerceDefaultValue(InputValueDefinition definition, out object? result)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var (hasValue, value) = definition.CoercedDefault;
        result = value;
        return hasValue;
    }

    internal static (bool HasValue, object? Value) CoerceDefault(InputValueDefinition definition) =>
        definition.DefaultValue is { } literal && TryCoerceLiteral(literal, definition.Type, null, out var value)
            ? (true, value)
            : (false, null);

    private static bool TryCoerceInputObjectLiteral(ValueNode literal, InputObjectType input, IReadOnlyDictionary<string, object?>? variables, out object? result)
    {
        result = null;
        if (literal is not ObjectValueNode obj || obj.Fields.Any(f => input.GetField(f.Name.Value) is null))
        {
            return false;
        }

        var fieldNodes = obj.Fields.GroupBy(f => f.Name.Value).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var coercedFields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in input.Fields.Values)
        {
            var missing = !fieldNodes.TryGetValue(field.Name, out var fieldNode)
                || (fieldNode.Value is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value)));
            if (missing)
            {
                if (field.IsRequired)
                {
                    return false;
                }

                if (TryCoerceDefaultValue(field, out var defaultValue))
                {
                    coercedFields[field.Name] = defaultValue;
                }
            }
            else if (TryCoerceLiteral(fieldNode!.Value, field.Type, variables, out var coercedField))
            {
                coercedFields[field.Name] = coercedField;
            }
            else
            {
                return false;
            }
        }

        if (input.IsOneOf && (fieldNodes.Count != 1 || coercedFields.Count != 1 || coercedFields.Values.Single() is null))
        {
            return false;
        }

        result = input.CreateRuntimeValue is { } create ? create(coercedFields) : coercedFields;
        return true;
    }

    private static bool IsList(object value) =>
        value is IEnumerable and not string and not IReadOnlyDictionary<string, object?> and not IDictionary;

    private static bool TryLeaf(Func<object?> coerce, out object? result)
    {
        try
        {
            result = coerce();
            return true;
        }
        catch (ValueCoercionException)
        {
            result = null;
            return false;
        }
    }
}
