using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Uses Defined (spec 5.8.3,
/// <see href="https://spec.graphql.org/September2025/#sec-All-Variable-Uses-Defined"/>):
/// "For each operation in a document: For each variableUsage in scope, variable must be in
/// operation's variable list. Let fragments be every fragment referenced by that operation
/// transitively. For each fragment in fragments: For each variableUsage in scope of fragment,
/// variable must be in operation's variable list."
/// </summary>
public sealed class NoUndefinedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        var definitions = node.VariableDefinitions;
        var defined = new HashSet<string>(definitions.Count, StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            defined.Add(definitions[i].Variable.Name.Value);
        }

        var usages = Context.GetRecursiveVariableUsages(node);
        for (var i = 0; i < usages.Count; i++)
        {
            var usage = usages[i];
            var name = usage.Node.Name.Value;
            if (!defined.Contains(name))
            {
                ReportError(
                    node.Name is { } operationName
                        ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is not defined.",
                    usage.Node,
                    node);
            }
        }
    }
}
