using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// Operation Name Uniqueness (spec 5.2.1.1,
/// <see href="https://spec.graphql.org/September2025/#sec-Operation-Name-Uniqueness"/>):
/// "For each operation definition operation in the document: Let operationName be the name of
/// operation. If operationName exists: Let operations be all operation definitions in the document
/// named operationName. operations must be a set of one."
/// </summary>
public sealed class UniqueOperationNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Name is not { } name)
        {
            return;
        }

        if (_known.TryGetValue(name.Value, out var first))
        {
            ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
        }
        else
        {
            _known[name.Value] = name;
        }
    }
}
