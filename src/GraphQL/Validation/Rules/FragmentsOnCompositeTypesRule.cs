using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragments On Composite Types (spec 5.5.1.3,
/// <see href="https://spec.graphql.org/September2025/#sec-Fragments-On-Composite-Types"/>):
/// "For each fragment defined in the document: The target type of fragment must have kind UNION,
/// INTERFACE, or OBJECT."
/// </summary>
public sealed class FragmentsOnCompositeTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        if (node.TypeCondition is { } condition && Context.GetType(condition) is { } type && !type.IsCompositeType())
        {
            ReportError($"Fragment cannot condition on non composite type \"{Printer.Print(condition)}\".", condition);
        }
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (Context.GetType(node.TypeCondition) is { } type && !type.IsCompositeType())
        {
            ReportError($"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{Printer.Print(node.TypeCondition)}\".", node.TypeCondition);
        }
    }
}
