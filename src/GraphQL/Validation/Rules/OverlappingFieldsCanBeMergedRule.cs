namespace Voting.GraphQL.Validation.Rules;

public sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
}
