using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Lone Anonymous Operation (spec 5.2.2.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Lone-Anonymous-Operation"/>):
/// "Let operations be all operation definitions in the document. Let anonymous be all anonymous
/// operation definitions in the document. If operations is a set of more than 1: anonymous must be empty."
/// </summary>
public sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationRule(context)
{
    private int _operationCount;

    public override void EnterDocument(DocumentNode node) =>
        _operationCount = node.Definitions.Count(d => d is OperationDefinitionNode);

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Name is null && _operationCount > 1)
        {
            ReportError("This anonymous operation must be the only defined operation.", node);
        }
    }
}
