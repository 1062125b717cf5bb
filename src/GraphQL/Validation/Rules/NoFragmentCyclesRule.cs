using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spreads Must Not Form Cycles (spec 5.5.2.2,
/// <see href="https://spec.graphql.org/September2025/#sec-Fragment-Spreads-Must-Not-Form-Cycles"/>):
/// "For each fragmentDefinition in the document: Let visited be the empty set.
/// DetectFragmentCycles(fragmentDefinition, visited)." Each fragment is searched once, depth first
/// through the fragment map; a spread back onto the current path is a cycle, reported once with its path.
/// </summary>
public sealed class NoFragmentCyclesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _pathIndexByName = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node) => SkipSubtree();

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        DetectCycles(node);
        SkipSubtree();
    }

    private void DetectCycles(FragmentDefinitionNode fragment)
    {
        var name = fragment.Name.Value;
        if (!_visited.Add(name))
        {
            return;
        }

        var spreads = Context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _pathIndexByName[name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_pathIndexByName.TryGetValue(spreadName, out var cycleIndex))
            {
                if (Context.GetFragment(spreadName) is { } target)
                {
                    DetectCycles(target);
                }
            }
            else
            {
                var cyclePath = _spreadPath[cycleIndex..];
                var via = string.Join(", ", cyclePath.Take(cyclePath.Count - 1).Select(s => "\"" + s.Name.Value + "\""));
                ReportError($"Cannot spread fragment \"{spreadName}\" within itself" + (via.Length > 0 ? $" via {via}." : "."), cyclePath);
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _pathIndexByName.Remove(name);
    }
}
