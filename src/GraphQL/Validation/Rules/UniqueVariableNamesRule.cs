using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Variable Uniqueness (spec 5.8.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Variable-Uniqueness"/>):
/// "For every operation in the document: For every variable defined on operation: Let variableName be
/// the name of variable. Let variables be the set of all variables named variableName on operation.
/// variables must be a set of one."
/// </summary>
public sealed class UniqueVariableNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                ReportError($"There can be only one variable named \"${group.Key}\".", group.Select(v => v.Variable.Name));
            }
        }
    }
}
