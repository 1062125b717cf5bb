using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Operation Type Existence (spec 5.2.1.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Operation-Type-Existence"/>):
/// "For each operation definition operation in the document: Let rootOperationType be the root
/// operation type in schema corresponding to the kind of operation. rootOperationType must exist."
/// </summary>
public sealed class KnownOperationTypesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (Context.Schema.GetRootType(node.Operation) is null)
        {
            ReportError($"The {node.Operation.ToString().ToLowerInvariant()} operation is not supported by the schema.", node);
        }
    }
}
