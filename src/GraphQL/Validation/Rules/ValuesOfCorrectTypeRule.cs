namespace Voting.GraphQL.Validation.Rules;

public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
}
