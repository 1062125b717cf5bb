using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Rules;

/// <summary>
/// All Variable Usages Are Allowed (spec 5.8.5,
/// <see href="https://spec.graphql.org/September2025/#sec-All-Variable-Usages-Are-Allowed"/>):
/// "For each operation in document: Let variableUsages be all usages transitively included in the
/// operation. For each variableUsage in variableUsages: Let variableName be the name of
/// variableUsage. Let variableDefinition be the VariableDefinition named variableName defined within
/// operation. IsVariableUsageAllowed(variableDefinition, variableUsage) must be true." A nullable
/// variable may stand where a non-null type is expected only if it or the position has a default.
/// A variable given as the field of a OneOf input object must be non-null (spec 3.10.1).
/// </summary>
public sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node) => _definitions.Clear();

    public override void EnterVariableDefinition(VariableDefinitionNode node) => _definitions[node.Variable.Name.Value] = node;

    public override void LeaveOperationDefinition(OperationDefinitionNode node)
    {
        var usages = Context.GetRecursiveVariableUsages(node);
        for (var i = 0; i < usages.Count; i++)
        {
            var usage = usages[i];
            var name = usage.Node.Name.Value;
            if (!_definitions.TryGetValue(name, out var definition) || usage.Type is null
                || Context.GetType(definition.Type) is not { } variableType)
            {
                continue;
            }

            if (!IsAllowed(variableType, definition.DefaultValue, usage.Type, usage.DefaultValue))
            {
                ReportError($"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{usage.Type}\".", definition, usage.Node);
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && variableType is not NonNullType)
            {
                ReportError($"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".", definition, usage.Node);
            }
        }
    }

    // IsVariableUsageAllowed: a default that is not null, on the variable or the position, makes up for nullability.
    private bool IsAllowed(GraphQLType variableType, ValueNode? variableDefault, GraphQLType locationType, ValueNode? locationDefault)
    {
        if (locationType is NonNullType nonNullLocation && variableType is not NonNullType)
        {
            var hasNonNullVariableDefault = variableDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && locationDefault is null)
            {
                return false;
            }

            return TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, nonNullLocation.OfType);
        }

        return TypeComparators.IsTypeSubTypeOf(Context.Schema, variableType, locationType);
    }
}
