using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Single Root Field (spec 5.2.3.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Single-Root-Field"/>):
/// "For each subscription operation definition subscription in the document: Let
/// subscriptionType be the root Subscription type in schema. Let selectionSet be the top level
/// selection set on subscription. Let collectedFieldsMap be the result of
/// CollectSubscriptionFields(subscriptionType, selectionSet). collectedFieldsMap must have exactly one
/// entry, which must not be an introspection field." CollectSubscriptionFields, unlike
/// CollectFields, refuses @skip and @include at the top level, since whether the single field is
/// there must not depend on variables.
/// </summary>
public sealed class SingleFieldSubscriptionsRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription || Context.Schema.SubscriptionType is not { } subscriptionType)
        {
            return;
        }

        var label = node.Name is { } name ? $"Subscription \"{name.Value}\"" : "Anonymous Subscription";
        var fields = new OrderedDictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var forbidden = new List<DirectiveNode>();
        Collect(subscriptionType, node.SelectionSet, fields, forbidden, new HashSet<string>(StringComparer.Ordinal));

        if (forbidden.Count > 0)
        {
            ReportError($"{label} must not use `@skip` or `@include` directives in the top level selection.", forbidden);
            return;
        }

        if (fields.Count == 0)
        {
            // Possible only through fragments that select nothing applicable, e.g. one that spreads itself.
            ReportError($"{label} must select one top level field.", node.SelectionSet);
        }
        else if (fields.Count > 1)
        {
            ReportError($"{label} must select only one top level field.", fields.Values.Skip(1).SelectMany(f => f));
        }

        foreach (var group in fields.Values)
        {
            if (group[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                ReportError($"{label} must not select an introspection top level field.", group);
            }
        }
    }

    private void Collect(
        ObjectType rootType,
        SelectionSetNode selectionSet,
        OrderedDictionary<string, List<FieldNode>> fields,
        List<DirectiveNode> forbidden,
        HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (ForbiddenDirective(selection) is { } directive)
            {
                forbidden.Add(directive);
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.Alias?.Value ?? field.Name.Value;
                    if (!fields.TryGetValue(key, out var group))
                    {
                        fields[key] = group = [];
                    }

                    group.Add(field);
                    break;
                case FragmentSpreadNode spread:
                    if (visitedFragments.Add(spread.Name.Value)
                        && Context.GetFragment(spread.Name.Value) is { } fragment
                        && Applies(rootType, fragment.TypeCondition))
                    {
                        Collect(rootType, fragment.SelectionSet, fields, forbidden, visitedFragments);
                    }

                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(rootType, inline.TypeCondition))
                    {
                        Collect(rootType, inline.SelectionSet, fields, forbidden, visitedFragments);
                    }

                    break;
            }
        }
    }

    // As graphql-js's CollectFields when it forbids them: a selection's @skip, or failing that its @include,
    // is reported and the selection left out, so directives further in (even in the same selection) are not.
    private static DirectiveNode? ForbiddenDirective(SelectionNode selection)
    {
        var directives = selection switch
        {
            FieldNode f => f.Directives,
            FragmentSpreadNode s => s.Directives,
            InlineFragmentNode i => i.Directives,
            _ => [],
        };
        return directives.FirstOrDefault(d => d.Name.Value == "skip") ?? directives.FirstOrDefault(d => d.Name.Value == "include");
    }

    // DoesFragmentTypeApply: the root is an object type, so the condition must be it or an abstract type it belongs to.
    private bool Applies(ObjectType rootType, NamedTypeNode condition) => Context.GetType(condition) switch
    {
        ObjectType type => ReferenceEquals(type, rootType),
        InterfaceType or UnionType => Context.Schema.IsSubType((NamedType)Context.GetType(condition)!, rootType),
        _ => false,
    };
}
