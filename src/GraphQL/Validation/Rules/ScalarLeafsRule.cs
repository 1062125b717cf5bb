using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Leaf Field Selections (spec 5.3.3,
/// <see href="https://spec.graphql.org/September2025/#sec-Leaf-Field-Selections"/>):
/// "For each selection in the document: Let selectionType be the unwrapped result type of selection.
/// If selectionType is a scalar or enum: The subselection set of that selection must be empty. If
/// selectionType is an interface, union, or object: The subselection set of that selection must NOT be empty."
/// </summary>
public sealed class ScalarLeafsRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node)
    {
        if (Context.Type is not { } type)
        {
            return;
        }

        var fieldName = node.Name.Value;
        if (type.GetNamedType().IsLeafType())
        {
            if (node.SelectionSet is { } selectionSet)
            {
                ReportError($"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
            }
        }
        else if (node.SelectionSet is null)
        {
            ReportError($"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", node);
        }
    }
}
