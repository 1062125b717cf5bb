using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Type Existence and the type existence half of Variables Are Input Types (spec
/// 5.5.1.2, <see href="https://spec.graphql.org/September2025/#sec-Fragment-Spread-Type-Existence"/>):
/// "For each named spread namedSpread in the document: Let fragment be the target of namedSpread.
/// The target type of fragment must be defined in the schema." Every type a document names, in a
/// fragment condition or a variable's type, must exist.
/// </summary>
public sealed class KnownTypeNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterNamedType(NamedTypeNode node)
    {
        var typeName = node.Name.Value;
        if (Context.Schema.GetType(typeName) is not null)
        {
            return;
        }

        var suggestions = Context.HideSuggestions ? [] : Suggestions.List(typeName, Context.Schema.Types.Keys);
        ReportError($"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(suggestions), node);
    }
}
