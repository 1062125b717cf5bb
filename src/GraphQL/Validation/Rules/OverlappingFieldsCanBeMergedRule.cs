using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging (spec 5.3.2,
/// <see href="https://spec.graphql.org/September2025/#sec-Field-Selection-Merging"/>):
/// "For each selection set set in the document: FieldsInSetCanMerge(set) must be true." Fields with the
/// same response name must be the same field with the same arguments unless their parents can never
/// be the same object, must return shapes that can be merged, and their sub-selections must merge too.
/// </summary>
/// <remarks>
/// Comparing every pair of fields naively is quadratic in the document and exponential through
/// fragments; as in graphql-js, the fields and fragment names of each selection set are collected
/// once, each pair of fragments is compared once per exclusivity, and a fragment is never compared
/// with itself, so the work stays polynomial.
/// </remarks>
public sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;

    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = [];
    private readonly PairSet _comparedFragmentPairs = new();
    private readonly Dictionary<(FieldMap, string), bool> _comparedFieldsAndFragments = [];
    private readonly HashSet<SelectionSetNode> _chargedWithoutMap = [];
    private readonly HashSet<string> _responseNames = new(StringComparer.Ordinal);
    private SelectionSetNode? _inlineFragmentSelectionSet;
    private int _remainingBudget = -1;

    /// <summary>
    /// How many steps (field pairs compared, fragments expanded, fields collected) the rule may take for
    /// one document before it aborts validation, as graphql-js 17 does: crafted documents can otherwise
    /// make the comparison explode.
    /// </summary>
    internal int ComplexityBudget { get; init; } = 500_000;

    // The fields of an inline fragment are collected with those of the selection set around it, so
    // checking its own selection set again would report the same conflicts twice (graphql-js 17 skips it).
    public override void EnterInlineFragment(InlineFragmentNode node) => _inlineFragmentSelectionSet = node.SelectionSet;

    public override void EnterSelectionSet(SelectionSetNode node)
    {
        if (_remainingBudget < 0)
        {
            _remainingBudget = ComplexityBudget;
        }

        if (ReferenceEquals(node, _inlineFragmentSelectionSet))
        {
            return;
        }

        // One field or one spread cannot conflict with itself; its insides are checked where they are defined.
        if (node.Selections.Count <= 1 && node.Selections is not [InlineFragmentNode])
        {
            return;
        }

        if (IsPlainSelectionOfDistinctFields(node))
        {
            return;
        }

        var conflicts = FindConflictsWithinSelectionSet(Context.ParentType, node);
        if (conflicts is null)
        {
            return;
        }

        foreach (var conflict in conflicts)
        {
            ReportError(
                $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]);
        }
    }

    /// <summary>
    /// Whether a selection set of fields alone, all under different response names, whose fields have not been
    /// collected yet: nothing in it can conflict, so its field map is built only if a comparison between
    /// enclosing fields needs it. The budget is charged now, as collecting it here would have, and not again then.
    /// </summary>
    private bool IsPlainSelectionOfDistinctFields(SelectionSetNode node)
    {
        if (_cache.ContainsKey(node))
        {
            return false;
        }

        var selections = node.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not FieldNode)
            {
                return false;
            }
        }

        var distinct = true;
        if (selections.Count <= 8)
        {
            for (var i = 1; i < selections.Count && distinct; i++)
            {
                var name = ResponseName((FieldNode)selections[i]);
                for (var j = 0; j < i; j++)
                {
                    if (name == ResponseName((FieldNode)selections[j]))
                    {
                        distinct = false;
                        break;
                    }
                }
            }
        }
        else
        {
            _responseNames.Clear();
            for (var i = 0; i < selections.Count && distinct; i++)
            {
                distinct = _responseNames.Add(ResponseName((FieldNode)selections[i]));
            }
        }

        if (!distinct)
        {
            return false;
        }

        Spend(selections.Count);
        _chargedWithoutMap.Add(node);
        return true;
    }

    private static string ResponseName(FieldNode field) => field.Alias?.Value ?? field.Name.Value;

    // Names in messages are cut short, as graphql-js 17 cuts them, so a hostile document cannot make huge errors.
    private static string Abbreviate(string text) => text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    // Conflicts are rare: the lists that gather them are made when the first one is found.
    private List<Conflict>? FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        List<Conflict>? conflicts = null;
        var (fieldMap, fragmentNames) = GetFieldsAndFragmentNames(parentType, selectionSet);
        CollectConflictsWithin(ref conflicts, fieldMap);
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(ref conflicts, false, fieldMap, fragmentNames[i]);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(ref conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(ref List<Conflict>? conflicts, bool mutuallyExclusive, FieldMap fieldMap, string fragmentName)
    {
        Spend(1);
        if (fieldMap.Count == 0)
        {
            return;
        }

        // Each field map is compared with each fragment once per exclusivity for the whole document, as
        // graphql-js 17 does: a fragment reached again (from an enclosing selection set, or through a cycle
        // reported by another rule) would otherwise yield the same conflict again, or loop forever.
        // A comparison that did not assume exclusivity covers one that does, not the reverse.
        if (_comparedFieldsAndFragments.TryGetValue((fieldMap, fragmentName), out var comparedExclusive)
            && (mutuallyExclusive || !comparedExclusive))
        {
            return;
        }

        _comparedFieldsAndFragments[(fieldMap, fragmentName)] = mutuallyExclusive;
        if (Context.GetFragment(fragmentName) is not { } fragment)
        {
            return;
        }

        var (fieldMap2, referenced) = GetReferencedFieldsAndFragmentNames(fragment);
        if (ReferenceEquals(fieldMap, fieldMap2))
        {
            return;
        }

        CollectConflictsBetween(ref conflicts, mutuallyExclusive, fieldMap, fieldMap2);
        for (var i = 0; i < referenced.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(ref conflicts, mutuallyExclusive, fieldMap, referenced[i]);
        }
    }

    private void CollectConflictsBetweenFragments(ref List<Conflict>? conflicts, bool mutuallyExclusive, string name1, string name2)
    {
        Spend(1);
        if (name1 == name2 || _comparedFragmentPairs.Has(name1, name2, mutuallyExclusive))
        {
            return;
        }

        _comparedFragmentPairs.Add(name1, name2, mutuallyExclusive);
        if (Context.GetFragment(name1) is not { } fragment1 || Context.GetFragment(name2) is not { } fragment2)
        {
            return;
        }

        var (fieldMap1, referenced1) = GetReferencedFieldsAndFragmentNames(fragment1);
        var (fieldMap2, referenced2) = GetReferencedFieldsAndFragmentNames(fragment2);
        CollectConflictsBetween(ref conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        for (var i = 0; i < referenced2.Count; i++)
        {
            CollectConflictsBetweenFragments(ref conflicts, mutuallyExclusive, name1, referenced2[i]);
        }

        for (var i = 0; i < referenced1.Count; i++)
        {
            CollectConflictsBetweenFragments(ref conflicts, mutuallyExclusive, referenced1[i], name2);
        }
    }

    private List<Conflict>? FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
    {
        List<Conflict>? conflicts = null;
        var (fieldMap1, fragmentNames1) = GetFieldsAndFragmentNames(parentType1, selectionSet1);
        var (fieldMap2, fragmentNames2) = GetFieldsAndFragmentNames(parentType2, selectionSet2);
        CollectConflictsBetween(ref conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        for (var i = 0; i < fragmentNames2.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(ref conflicts, mutuallyExclusive, fieldMap1, fragmentNames2[i]);
        }

        for (var i = 0; i < fragmentNames1.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(ref conflicts, mutuallyExclusive, fieldMap2, fragmentNames1[i]);
        }

        for (var i = 0; i < fragmentNames1.Count; i++)
        {
            for (var j = 0; j < fragmentNames2.Count; j++)
            {
                CollectConflictsBetweenFragments(ref conflicts, mutuallyExclusive, fragmentNames1[i], fragmentNames2[j]);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(ref List<Conflict>? conflicts, FieldMap fieldMap)
    {
        for (var k = 0; k < fieldMap.Count; k++)
        {
            var (responseName, fields) = fieldMap.GetAt(k);
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        (conflicts ??= []).Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(ref List<Conflict>? conflicts, bool mutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        for (var k = 0; k < fieldMap1.Count; k++)
        {
            var (responseName, fields1) = fieldMap1.GetAt(k);
            if (!fieldMap2.TryGetValue(responseName, out var fields2))
            {
                continue;
            }

            for (var i = 0; i < fields1.Count; i++)
            {
                for (var j = 0; j < fields2.Count; j++)
                {
                    if (FindConflict(mutuallyExclusive, responseName, fields1[i], fields2[j]) is { } conflict)
                    {
                        (conflicts ??= []).Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldAndDefinition field1, FieldAndDefinition field2)
    {
        Spend(1);
        // Two different object types can never be the same object, so their fields may differ;
        // but their shapes must still merge, as both end up under one response key.
        var mutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);

        var node1 = field1.Node;
        var node2 = field2.Node;
        if (!mutuallyExclusive)
        {
            if (node1.Name.Value != node2.Name.Value)
            {
                return Conflict.Of(responseName, $"\"{Abbreviate(node1.Name.Value)}\" and \"{Abbreviate(node2.Name.Value)}\" are different fields", node1, node2);
            }

            if (!SameArguments(node1.Arguments, node2.Arguments))
            {
                return Conflict.Of(responseName, "they have differing arguments", node1, node2);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return Conflict.Of(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", node1, node2);
        }

        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var subConflicts = FindConflictsBetweenSubSelectionSets(mutuallyExclusive, type1?.GetNamedType(), set1, type2?.GetNamedType(), set2);
            if (subConflicts is not null)
            {
                return SubfieldConflicts(responseName, subConflicts, node1, node2);
            }
        }

        return null;
    }

    // The subfields' reasons become one, cut short while it is built, and the locations are capped,
    // keeping the deepest fields, so a conflict repeated down a deep document stays a small error.
    private static Conflict SubfieldConflicts(string responseName, List<Conflict> conflicts, FieldNode node1, FieldNode node2)
    {
        var message = new System.Text.StringBuilder();
        foreach (var conflict in conflicts)
        {
            message.Append(message.Length == 0 ? string.Empty : " and ")
                .Append($"subfields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}");
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new Conflict(responseName, Abbreviate(message.ToString()), CollectNodes(node1, conflicts, c => c.Fields1), CollectNodes(node2, conflicts, c => c.Fields2));
    }

    private static List<FieldNode> CollectNodes(FieldNode node, List<Conflict> conflicts, Func<Conflict, IReadOnlyList<FieldNode>> side)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var fields = side(conflict);
            var remaining = MaxConflictNodes - nodes.Count;
            nodes.AddRange(fields.Skip(Math.Max(0, fields.Count - remaining)));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private void Spend(int cost)
    {
        _remainingBudget -= cost;
        if (_remainingBudget < 0)
        {
            Context.Abort();
        }
    }

    // Lists and non-null must match in shape all the way down; leaves must be the same type.
    private static bool DoTypesConflict(GraphQLType type1, GraphQLType type2) => (type1, type2) switch
    {
        (ListType list1, ListType list2) => DoTypesConflict(list1.OfType, list2.OfType),
        (ListType, _) or (_, ListType) => true,
        (NonNullType nonNull1, NonNullType nonNull2) => DoTypesConflict(nonNull1.OfType, nonNull2.OfType),
        (NonNullType, _) or (_, NonNullType) => true,
        _ when type1.IsLeafType() || type2.IsLeafType() => !ReferenceEquals(type1, type2),
        _ => false,
    };

    private static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        for (var i = 0; i < arguments1.Count; i++)
        {
            var argument1 = arguments1[i];
            ArgumentNode? argument2 = null;
            for (var j = 0; j < arguments2.Count; j++)
            {
                if (arguments2[j].Name.Value == argument1.Name.Value)
                {
                    argument2 = arguments2[j];
                    break;
                }
            }

            if (argument2 is null || !SameValue(argument1.Value, argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    // Variables and the scalars that print as their own text are compared without printing them.
    private static bool SameValue(ValueNode value1, ValueNode value2) => (value1, value2) switch
    {
        _ when ReferenceEquals(value1, value2) => true,
        (VariableNode variable1, VariableNode variable2) => variable1.Name.Value == variable2.Name.Value,
        (IntValueNode int1, IntValueNode int2) => int1.Value == int2.Value,
        (EnumValueNode enum1, EnumValueNode enum2) => enum1.Value == enum2.Value,
        (BooleanValueNode boolean1, BooleanValueNode boolean2) => boolean1.Value == boolean2.Value,
        _ => Canonical(value1) == Canonical(value2),
    };

    // The printed value with object fields in name order, so that field order does not count as a difference.
    private static string Canonical(ValueNode value) => value switch
    {
        ObjectValueNode obj => "{" + string.Join(", ", obj.Fields.OrderBy(f => f.Name.Value, StringComparer.Ordinal).Select(f => f.Name.Value + ": " + Canonical(f.Value))) + "}",
        ListValueNode list => "[" + string.Join(", ", list.Values.Select(Canonical)) + "]",
        _ => Printer.Print(value),
    };

    private FieldsAndFragments GetFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var fieldMap = new FieldMap(StringComparer.Ordinal);
        List<string>? fragmentNames = null;
        CollectFieldsAndFragmentNames(parentType, selectionSet, fieldMap, ref fragmentNames, charged: _chargedWithoutMap.Contains(selectionSet));
        var result = new FieldsAndFragments(fieldMap, fragmentNames ?? (IReadOnlyList<string>)[]);
        _cache[selectionSet] = result;
        return result;
    }

    // A fragment's fields are collected against its type condition, wherever it is spread.
    private FieldsAndFragments GetReferencedFieldsAndFragmentNames(FragmentDefinitionNode fragment) =>
        _cache.TryGetValue(fragment.SelectionSet, out var cached)
            ? cached
            : GetFieldsAndFragmentNames(Context.GetType(fragment.TypeCondition) as NamedType, fragment.SelectionSet);

    private void CollectFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, ref List<string>? fragmentNames, bool charged)
    {
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            switch (selections[i])
            {
                case FieldNode field:
                    if (!charged)
                    {
                        Spend(1);
                    }

                    var definition = parentType is ComplexType complex ? complex.GetField(field.Name.Value) : null;
                    var responseName = field.Alias?.Value ?? field.Name.Value;
                    if (!fieldMap.TryGetValue(responseName, out var list))
                    {
                        fieldMap[responseName] = list = [];
                    }

                    list.Add(new FieldAndDefinition(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    fragmentNames ??= [];
                    if (!fragmentNames.Contains(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? Context.GetType(condition) as NamedType : parentType;
                    CollectFieldsAndFragmentNames(inlineType, inline.SelectionSet, fieldMap, ref fragmentNames, charged: false);
                    break;
            }
        }
    }

    private sealed class FieldMap(StringComparer comparer) : OrderedDictionary<string, List<FieldAndDefinition>>(comparer);

    private sealed record FieldsAndFragments(FieldMap FieldMap, IReadOnlyList<string> FragmentNames);

    private readonly record struct FieldAndDefinition(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private sealed record Conflict(string ResponseName, string Reason, IReadOnlyList<FieldNode> Fields1, IReadOnlyList<FieldNode> Fields2)
    {
        public static Conflict Of(string responseName, string reason, FieldNode node1, FieldNode node2) => new(responseName, reason, [node1], [node2]);
    }

    /// <summary>
    /// Pairs of fragment names already compared, with whether the comparison assumed the parents
    /// mutually exclusive: a comparison without that assumption also covers one with it, not the reverse.
    /// </summary>
    private sealed class PairSet
    {
        private readonly Dictionary<(string, string), bool> _pairs = [];

        public bool Has(string a, string b, bool mutuallyExclusive)
        {
            if (!_pairs.TryGetValue(Key(a, b), out var storedExclusive))
            {
                return false;
            }

            return mutuallyExclusive || !storedExclusive;
        }

        public void Add(string a, string b, bool mutuallyExclusive) => _pairs[Key(a, b)] = mutuallyExclusive;

        private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
    }
}
