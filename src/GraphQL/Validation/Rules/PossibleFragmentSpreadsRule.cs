using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Is Possible (spec 5.5.2.3,
/// <see href="https://spec.graphql.org/September2025/#sec-Fragment-Spread-Is-Possible"/>):
/// "For each spread (named or inline) defined in the document: Let fragment be the target of spread.
/// Let fragmentType be the type condition of fragment. Let parentType be the type of the selection
/// set containing spread. Let applicableTypes be the intersection of GetPossibleTypes(fragmentType)
/// and GetPossibleTypes(parentType). applicableTypes must not be empty."
/// </summary>
public sealed class PossibleFragmentSpreadsRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterInlineFragment(InlineFragmentNode node)
    {
        if (Context.Type is NamedType fragmentType && fragmentType.IsCompositeType()
            && Context.ParentType is { } parentType && parentType.IsCompositeType()
            && !TypeComparators.DoTypesOverlap(Context.Schema, fragmentType, parentType))
        {
            ReportError($"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
        }
    }

    public override void EnterFragmentSpread(FragmentSpreadNode node)
    {
        var name = node.Name.Value;
        if (Context.GetFragment(name) is { } fragment
            && Context.GetType(fragment.TypeCondition) is NamedType fragmentType && fragmentType.IsCompositeType()
            && Context.ParentType is { } parentType
            && !TypeComparators.DoTypesOverlap(Context.Schema, fragmentType, parentType))
        {
            ReportError($"Fragment \"{name}\" cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragmentType}\".", node);
        }
    }
}
