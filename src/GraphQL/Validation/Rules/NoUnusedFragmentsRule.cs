using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragments Must Be Used (spec 5.5.1.4,
/// <see href="https://spec.graphql.org/September2025/#sec-Fragments-Must-Be-Used"/>):
/// "For each fragment defined in the document: fragment must be the target of at least one spread in
/// the document." Only spreads reachable from an operation count, so a fragment used only by unused
/// fragments is unused too.
/// </summary>
public sealed class NoUnusedFragmentsRule(ValidationContext context) : ValidationRule(context)
{
    private readonly List<OperationDefinitionNode> _operations = [];
    private readonly List<FragmentDefinitionNode> _fragments = [];

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        _operations.Add(node);
        SkipSubtree();
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        _fragments.Add(node);
        SkipSubtree();
    }

    public override void LeaveDocument(DocumentNode node)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in _operations)
        {
            foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.Name.Value);
            }
        }

        foreach (var fragment in _fragments)
        {
            if (!used.Contains(fragment.Name.Value))
            {
                ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
            }
        }
    }
}
