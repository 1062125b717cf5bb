using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Target Defined (spec 5.5.2.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Fragment-Spread-Target-Defined"/>):
/// "For every namedSpread in a document: Let fragment be the target of namedSpread. fragment must be
/// defined in the document."
/// </summary>
public sealed class KnownFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterFragmentSpread(FragmentSpreadNode node)
    {
        if (Context.GetFragment(node.Name.Value) is null)
        {
            ReportError($"Unknown fragment \"{node.Name.Value}\".", node.Name);
        }
    }
}
