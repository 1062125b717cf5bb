using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// The field cost of one operation, as <see cref="CostAnalyzer"/> describes it. Each selection set is
/// costed once per type it is selected on (and sizing it inherits), so fragments spread many times and
/// fields of abstract types with many implementations cost work linear in the document, not exponential.
/// A spread of a fragment already being costed (a cycle, which validation refuses anyway) costs nothing.
/// </summary>
internal sealed class CostCalculator
{
    private static readonly ConditionalWeakTable<FieldDefinition, FieldCost> FieldCosts = [];

    private readonly Schema _schema;
    private readonly Func<string, FragmentDefinitionNode?> _getFragment;
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly Dictionary<string, VariableDefinitionNode> _variableDefinitions = new(StringComparer.Ordinal);
    private readonly int _defaultListSize;
    private readonly Dictionary<(SelectionSetNode Set, NamedType Type, Sizing? Sizing), double> _selectionSets = [];
    private readonly HashSet<string> _fragmentsInProgress = new(StringComparer.Ordinal);

    public CostCalculator(Schema schema, Func<string, FragmentDefinitionNode?> getFragment, IReadOnlyDictionary<string, object?>? variables, int defaultListSize)
    {
        _schema = schema;
        _getFragment = getFragment;
        _variables = variables;
        _defaultListSize = defaultListSize;
    }

    private enum SliceKind
    {
        /// <summary>Neither the query nor a default gives the argument.</summary>
        Absent,

        /// <summary>Given, but its value cannot be known yet (a variable during validation) or is not a number.</summary>
        Unknown,

        Known,
    }

    /// <summary>The cost of an operation; a calculator costs one operation, since variables and their defaults belong to it.</summary>
    public double Operation(OperationDefinitionNode operation)
    {
        foreach (var definition in operation.VariableDefinitions)
        {
            _variableDefinitions[definition.Variable.Name.Value] = definition;
        }

        return _schema.GetRootType(operation.Operation) is { } root ? SelectionSet(operation.SelectionSet, root, null) : 0;
    }

    private static double Saturate(double value) => Math.Min(value, double.MaxValue);

    // Spec: a selection set on an abstract type costs the most that any of its possible types makes it cost.
    private double SelectionSet(SelectionSetNode selectionSet, NamedType type, Sizing? sizing)
    {
        if (type is ObjectType || !type.IsAbstractType())
        {
            return Selections(selectionSet, type, sizing);
        }

        var possibleTypes = _schema.GetPossibleTypes(type);
        if (possibleTypes.Count == 0)
        {
            return Selections(selectionSet, type, sizing);
        }

        var most = 0.0;
        foreach (var possibleType in possibleTypes)
        {
            most = Math.Max(most, Selections(selectionSet, possibleType, sizing));
        }

        return most;
    }

    /// <summary>The selections that apply when the value is of <paramref name="type"/>, fragments included.</summary>
    private double Selections(SelectionSetNode selectionSet, NamedType type, Sizing? sizing)
    {
        var key = (selectionSet, type, sizing);
        if (_selectionSets.TryGetValue(key, out var known))
        {
            return known;
        }

        var cost = 0.0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                // __typename and introspection: answered from the schema in memory, and bounded by MaxIntrospectionDepthRule.
                case FieldNode field when field.Name.Value.StartsWith("__", StringComparison.Ordinal):
                    break;
                case FieldNode field:
                    if (_schema.GetFieldDefinition(type, field.Name.Value) is { } definition)
                    {
                        var sized = sizing is { } s && s.Fields.Contains(field.Name.Value) ? s.Size : (double?)null;
                        cost = Saturate(cost + Field(field, definition, sized));
                    }

                    break;
                case InlineFragmentNode inline:
                    var condition = inline.TypeCondition is { } named ? _schema.GetType(named.Name.Value) : type;
                    if (Applies(condition, type))
                    {
                        cost = Saturate(cost + Selections(inline.SelectionSet, type, sizing));
                    }

                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (_getFragment(name) is { } fragment
                        && Applies(_schema.GetType(fragment.TypeCondition.Name.Value), type)
                        && _fragmentsInProgress.Add(name))
                    {
                        cost = Saturate(cost + Selections(fragment.SelectionSet, type, sizing));
                        _fragmentsInProgress.Remove(name);
                    }

                    break;
            }
        }

        _selectionSets[key] = cost;
        return cost;
    }

    private bool Applies(NamedType? condition, NamedType type) =>
        condition is not null
        && (ReferenceEquals(condition, type) || (condition.IsAbstractType() && type is ObjectType && _schema.IsSubType(condition, type)));

    /// <summary>
    /// The field's weight and that of its arguments, plus its selections' cost times the items it returns:
    /// the size its parent's <c>@listSize(sizedFields:)</c> gives it, else its list size if it is a list.
    /// </summary>
    private double Field(FieldNode field, FieldDefinition definition, double? sizedByParent)
    {
        var info = FieldCosts.GetValue(definition, FieldCost.Of);
        var cost = Saturate(info.Weight + Arguments(field, definition));
        if (field.SelectionSet is not { } selectionSet)
        {
            return cost;
        }

        var type = definition.Type.GetNamedType();
        double children;
        double items;
        if (info.ListSize is { SizedFields.Count: > 0 } listSize)
        {
            // A connection: the size belongs to its edges or nodes, the connection itself is one object.
            children = SelectionSet(selectionSet, type, new Sizing(listSize.SizedFields, ListSize(field, definition, listSize)));
            items = sizedByParent ?? 1;
        }
        else
        {
            children = SelectionSet(selectionSet, type, null);
            items = sizedByParent ?? (definition.Type.GetNullableType() is ListType ? ListSize(field, definition, info.ListSize) : 1);
        }

        return Saturate(cost + Saturate(items * children));
    }

    /// <summary>
    /// Slicing arguments the query gives (the largest, when it gives several; assumed size or the default
    /// for one whose value is not known); when it gives none, their defaults; then <c>assumedSize</c>,
    /// then the configured default list size.
    /// </summary>
    private double ListSize(FieldNode field, FieldDefinition definition, ListSizeInfo? listSize)
    {
        var fallback = (double)(listSize?.AssumedSize ?? _defaultListSize);
        if (listSize is null || listSize.SlicingArguments.Count == 0)
        {
            return fallback;
        }

        var given = false;
        var largest = 0.0;
        foreach (var path in listSize.SlicingArguments)
        {
            var segments = path.Split('.');
            var argument = field.Arguments.FirstOrDefault(a => a.Name.Value == segments[0]);
            var (kind, value) = argument is null ? (SliceKind.Absent, 0) : Literal(argument.Value, segments, 1);
            if (kind != SliceKind.Absent)
            {
                given = true;
                largest = Math.Max(largest, kind == SliceKind.Known ? value : fallback);
            }
        }

        if (given)
        {
            return largest;
        }

        foreach (var path in listSize.SlicingArguments)
        {
            var segments = path.Split('.');
            if (definition.GetArgument(segments[0])?.DefaultValue is { } defaultValue && Literal(defaultValue, segments, 1) is (SliceKind.Known, var value))
            {
                given = true;
                largest = Math.Max(largest, value);
            }
        }

        return given ? largest : fallback;
    }

    /// <summary>The number a literal holds at a path of input field names (<c>filter.max</c>'s <c>max</c>).</summary>
    private (SliceKind Kind, double Value) Literal(ValueNode value, string[] path, int index)
    {
        switch (value)
        {
            case VariableNode variable:
                return Variable(variable.Name.Value, path, index);
            case NullValueNode:
                return (SliceKind.Absent, 0);
            case ObjectValueNode obj when index < path.Length:
                var field = obj.Fields.FirstOrDefault(f => f.Name.Value == path[index]);
                return field is null ? (SliceKind.Absent, 0) : Literal(field.Value, path, index + 1);
            case IntValueNode or FloatValueNode when index == path.Length:
                var text = value is IntValueNode integer ? integer.Value : ((FloatValueNode)value).Value;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Known(number) : (SliceKind.Unknown, 0);
            default:
                return (SliceKind.Unknown, 0);
        }
    }

    private (SliceKind Kind, double Value) Variable(string name, string[] path, int index)
    {
        if (_variables is null)
        {
            return (SliceKind.Unknown, 0);
        }

        if (_variables.TryGetValue(name, out var runtime))
        {
            return Runtime(runtime, path, index);
        }

        return _variableDefinitions.GetValueOrDefault(name)?.DefaultValue is { } defaultValue
            ? Literal(defaultValue, path, index)
            : (SliceKind.Absent, 0);
    }

    /// <summary>A variable's value as the request gives it: numbers, dictionaries for input objects, or JSON.</summary>
    private static (SliceKind Kind, double Value) Runtime(object? value, string[] path, int index)
    {
        if (value is JsonElement json)
        {
            return json.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => (SliceKind.Absent, 0),
                JsonValueKind.Number when index == path.Length => Known(json.GetDouble()),
                JsonValueKind.Object when index < path.Length => json.TryGetProperty(path[index], out var property) ? Runtime(property, path, index + 1) : (SliceKind.Absent, 0),
                _ => (SliceKind.Unknown, 0),
            };
        }

        if (index < path.Length)
        {
            return value switch
            {
                null => (SliceKind.Absent, 0),
                IReadOnlyDictionary<string, object?> fields => fields.TryGetValue(path[index], out var field) ? Runtime(field, path, index + 1) : (SliceKind.Absent, 0),
                _ => (SliceKind.Unknown, 0),
            };
        }

        return value switch
        {
            null => (SliceKind.Absent, 0),
            int or long or short or byte or sbyte or uint or ulong or ushort or float or double or decimal => Known(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            _ => (SliceKind.Unknown, 0),
        };
    }

    private static (SliceKind Kind, double Value) Known(double value) =>
        double.IsNaN(value) ? (SliceKind.Unknown, 0) : (SliceKind.Known, Math.Clamp(value, 0, double.MaxValue));

    /// <summary>The weights of the arguments given and of the input fields given inside their literals.</summary>
    private static double Arguments(FieldNode field, FieldDefinition definition)
    {
        var cost = 0.0;
        foreach (var argument in field.Arguments)
        {
            if (definition.GetArgument(argument.Name.Value) is { } argumentDefinition)
            {
                cost += (FieldCost.WeightOf(argumentDefinition.AppliedDirectives) ?? 0) + Input(argument.Value, argumentDefinition.Type);
            }
        }

        return Saturate(cost);
    }

    private static double Input(ValueNode value, GraphQLType type)
    {
        var nullable = type.GetNullableType();
        var cost = 0.0;
        switch (value)
        {
            case ObjectValueNode obj when nullable is InputObjectType inputObject:
                foreach (var field in obj.Fields)
                {
                    if (inputObject.GetField(field.Name.Value) is { } fieldDefinition)
                    {
                        cost += (FieldCost.WeightOf(fieldDefinition.AppliedDirectives) ?? 0) + Input(field.Value, fieldDefinition.Type);
                    }
                }

                break;
            case ListValueNode list:
                var itemType = nullable is ListType listType ? listType.OfType : nullable;
                foreach (var item in list.Values)
                {
                    cost += Input(item, itemType);
                }

                break;
        }

        return Saturate(cost);
    }

    /// <summary>The names of a connection's sized fields and the size they take from it.</summary>
    private sealed record Sizing(IReadOnlyList<string> Fields, double Size);
}
