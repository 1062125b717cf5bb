using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class VariablesAreInputTypesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new VariablesAreInputTypesRule(c);

    [Fact]
    public void Unknown_types_are_ignored() => ExpectValid(Rule, "query Foo($a: Unknown, $b: [[Unknown!]]!) { field(a: $a, b: $b) }");

    [Fact]
    public void Input_types_are_valid() => ExpectValid(Rule, "query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) { field(a: $a, b: $b, c: $c) }");

    [Fact]
    public void Output_types_are_invalid() => ExpectErrors(Rule, "query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { field(a: $a, b: $b, c: $c) }",
        Error("Variable \"$a\" cannot be non-input type \"Dog\".", (1, 15)),
        Error("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", (1, 24)),
        Error("Variable \"$c\" cannot be non-input type \"Pet\".", (1, 44)));
}
