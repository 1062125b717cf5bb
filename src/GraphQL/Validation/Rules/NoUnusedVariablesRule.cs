using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// All Variables Used (spec 5.8.4,
/// <see href="https://spec.graphql.org/September2025/#sec-All-Variables-Used"/>):
/// "For every operation in the document: Let variables be the variables defined by that operation.
/// Each variable in variables must be used at least once in either the operation scope itself or any
/// fragment transitively referenced by that operation."
/// </summary>
public sealed class NoUnusedVariablesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        var definitions = node.VariableDefinitions;
        if (definitions.Count == 0)
        {
            return;
        }

        var usages = Context.GetRecursiveVariableUsages(node);
        var used = new HashSet<string>(usages.Count, StringComparer.Ordinal);
        for (var i = 0; i < usages.Count; i++)
        {
            used.Add(usages[i].Node.Name.Value);
        }

        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            var name = definition.Variable.Name.Value;
            if (!used.Contains(name))
            {
                ReportError(
                    node.Name is { } operationName
                        ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                        : $"Variable \"${name}\" is never used.",
                    definition);
            }
        }
    }
}
