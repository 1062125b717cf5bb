using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Not a spec rule but one graphql-js 17 recommends and runs with its specified rules: an introspection
/// query (<c>__schema</c> or <c>__type</c>) may nest the list fields <c>fields</c>, <c>interfaces</c>,
/// <c>possibleTypes</c> and <c>inputFields</c> at most two deep, fragments included; deeper ones cost the
/// server work that grows exponentially with the schema and serve no introspection client.
/// </summary>
public sealed class MaxIntrospectionDepthRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxListsDepth = 3;

    // Across the whole document, the shallowest depth at which each fragment was seen to stay within,
    // or to exceed, the limit: a fragment spread at the same or a greater depth needs no second look.
    private readonly Dictionary<string, int> _checkedFragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceededFragments = new(StringComparer.Ordinal);

    public override void EnterField(FieldNode node)
    {
        if (node.Name.Value is not ("__schema" or "__type"))
        {
            return;
        }

        if (Exceeds(node, new Dictionary<string, int>(StringComparer.Ordinal), 0))
        {
            ReportError("Maximum introspection depth exceeded", node);

            // An introspection field nested inside is part of the same, already reported, query.
            SkipSubtree();
        }
    }

    private bool Exceeds(SelectionNode selection, Dictionary<string, int> visitedFragments, int depth)
    {
        switch (selection)
        {
            case FragmentSpreadNode spread:
                return SpreadExceeds(spread.Name.Value, visitedFragments, depth);
            case FieldNode field:
                if (field.Name.Value is "fields" or "interfaces" or "possibleTypes" or "inputFields" && ++depth >= MaxListsDepth)
                {
                    return true;
                }

                return field.SelectionSet is { } fieldSet && AnyExceeds(fieldSet, visitedFragments, depth);
            case InlineFragmentNode inline:
                return AnyExceeds(inline.SelectionSet, visitedFragments, depth);
            default:
                return false;
        }
    }

    private bool SpreadExceeds(string name, Dictionary<string, int> visitedFragments, int depth)
    {
        if (_exceededFragments.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth)
        {
            return true;
        }

        // Seen at this depth or deeper already (in this walk, which also stops cycles, or an earlier one).
        if ((visitedFragments.TryGetValue(name, out var visitedDepth) && visitedDepth >= depth)
            || (_checkedFragments.TryGetValue(name, out var checkedDepth) && checkedDepth >= depth))
        {
            return false;
        }

        if (Context.GetFragment(name) is not { } fragment)
        {
            return false;
        }

        visitedFragments[name] = depth;
        if (AnyExceeds(fragment.SelectionSet, visitedFragments, depth))
        {
            _exceededFragments[name] = depth;
            return true;
        }

        _checkedFragments[name] = depth;
        return false;
    }

    private bool AnyExceeds(SelectionSetNode selectionSet, Dictionary<string, int> visitedFragments, int depth)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (Exceeds(selection, visitedFragments, depth))
            {
                return true;
            }
        }

        return false;
    }
}
