using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Argument Uniqueness (spec 5.4.2,
/// <see href="https://spec.graphql.org/September2025/#sec-Argument-Uniqueness"/>):
/// "For each argument in the Document: Let argumentName be the Name of argument. Let arguments be all
/// Arguments named argumentName in the Argument Set which contains argument. arguments must be the set
/// containing only argument."
/// </summary>
public sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node) => Check(node.Arguments);

    public override void EnterDirective(DirectiveNode node) => Check(node.Arguments);

    private void Check(IReadOnlyList<ArgumentNode> arguments)
    {
        // Grouping allocates, so it is left for the rare list that a quick look cannot clear.
        if (arguments.Count < 2 || (arguments.Count <= 8 && AllDistinct(arguments)))
        {
            return;
        }

        foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                ReportError($"There can be only one argument named \"{group.Key}\".", group.Select(a => a.Name));
            }
        }
    }

    private static bool AllDistinct(IReadOnlyList<ArgumentNode> arguments)
    {
        for (var i = 1; i < arguments.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (arguments[i].Name.Value == arguments[j].Name.Value)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
