using System.Runtime.CompilerServices;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Execution;

/// <summary>
/// The collected root fields of an operation, kept with the operation's syntax node so that every
/// request for the same cached document reuses them, with the sub-fields and literal arguments they
/// remember (HotChocolate's operation cache). Only for operations whose field collection cannot
/// change between requests: no <c>@skip</c> or <c>@include</c> takes a variable anywhere in the
/// document. Entries go when the document does (the server's document cache holds it).
/// </summary>
internal sealed class OperationPlan
{
    private static readonly ConditionalWeakTable<OperationDefinitionNode, OperationPlan> Plans = [];

    private OperationPlan(Schema schema, IReadOnlyList<CollectedField> rootFields)
    {
        Schema = schema;
        RootFields = rootFields;
    }

    public Schema Schema { get; }

    public IReadOnlyList<CollectedField> RootFields { get; }

    /// <summary>The root fields of the request's operation: from the plan when one can be shared, else collected now.</summary>
    public static IReadOnlyList<CollectedField> RootFieldsFor(ExecutionState state, ObjectType rootType, DocumentNode document)
    {
        var operation = state.Operation;
        if (Plans.TryGetValue(operation, out var plan) && ReferenceEquals(plan.Schema, state.Schema))
        {
            return plan.RootFields;
        }

        var collector = new FieldCollector(state);
        collector.Collect(rootType, operation.SelectionSet);
        if (!HasVariableConditions(document))
        {
            Plans.AddOrUpdate(operation, new OperationPlan(state.Schema, collector.Fields));
        }

        return collector.Fields;
    }

    private static bool HasVariableConditions(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            var selectionSet = definition switch
            {
                OperationDefinitionNode operation => operation.SelectionSet,
                FragmentDefinitionNode fragment => fragment.SelectionSet,
                _ => null,
            };
            if (selectionSet is not null && HasVariableConditions(selectionSet))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasVariableConditions(SelectionSetNode selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            var (directives, children) = selection switch
            {
                FieldNode field => (field.Directives, field.SelectionSet),
                InlineFragmentNode inline => (inline.Directives, inline.SelectionSet),
                FragmentSpreadNode spread => (spread.Directives, (SelectionSetNode?)null),
                _ => ((IReadOnlyList<DirectiveNode>)[], null),
            };
            foreach (var directive in directives)
            {
                if (directive.Name.Value is "skip" or "include" && directive.Arguments.Any(a => a.Value is VariableNode))
                {
                    return true;
                }
            }

            if (children is not null && HasVariableConditions(children))
            {
                return true;
            }
        }

        return false;
    }
}
