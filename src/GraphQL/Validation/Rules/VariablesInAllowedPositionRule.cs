namespace Voting.GraphQL.Validation.Rules;

public sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
}
