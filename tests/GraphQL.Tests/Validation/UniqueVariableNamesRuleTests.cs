using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class UniqueVariableNamesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new UniqueVariableNamesRule(c);

    [Fact]
    public void Unique_variable_names() => ExpectValid(Rule, """
        query A($x: Int, $y: String) { __typename }
        query B($x: String, $y: Int) { __typename }
        """);

    [Fact]
    public void Duplicate_variable_names() => ExpectErrors(Rule, """
        query A($x: Int, $x: Int, $x: String) { __typename }
        query B($x: String, $x: Int) { __typename }
        query C($x: Int, $x: Int) { __typename }
        """,
        Error("There can be only one variable named \"$x\".", (1, 10), (1, 19), (1, 28)),
        Error("There can be only one variable named \"$x\".", (2, 10), (2, 22)),
        Error("There can be only one variable named \"$x\".", (3, 10), (3, 19)));
}
