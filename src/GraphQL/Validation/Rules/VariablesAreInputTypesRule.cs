using Voting.GraphQL.Language;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Variables Are Input Types (spec 5.8.2,
/// <see href="https://spec.graphql.org/September2025/#sec-Variables-Are-Input-Types"/>):
/// "For each operation in a document: For each variable on each operation: Let variableType be the
/// type of variable. IsInputType(variableType) must be true."
/// </summary>
public sealed class VariablesAreInputTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterVariableDefinition(VariableDefinitionNode node)
    {
        if (Context.GetType(node.Type) is { } type && !type.IsInputType())
        {
            ReportError($"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(node.Type)}\".", node.Type);
        }
    }
}
