using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Name Uniqueness (spec 5.5.1.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Fragment-Name-Uniqueness"/>):
/// "For each fragment definition fragment in the document: Let fragmentName be the name of fragment.
/// Let fragments be all fragment definitions in the document named fragmentName. fragments must be a set of one."
/// </summary>
public sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        if (_known.TryGetValue(node.Name.Value, out var first))
        {
            ReportError($"There can be only one fragment named \"{node.Name.Value}\".", first, node.Name);
        }
        else
        {
            _known[node.Name.Value] = node.Name;
        }
    }
}
