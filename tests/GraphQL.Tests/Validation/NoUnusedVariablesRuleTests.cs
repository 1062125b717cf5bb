using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class NoUnusedVariablesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new NoUnusedVariablesRule(c);

    [Fact]
    public void Uses_all_variables() => ExpectValid(Rule, "query ($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }");

    [Fact]
    public void Uses_all_variables_deeply_in_inline_fragments() => ExpectValid(Rule, """
        query Foo($a: String, $b: String, $c: String) {
          ... on Type { field(a: $a) { field(b: $b) { ... on Type { field(c: $c) } } } }
        }
        """);

    [Fact]
    public void Uses_all_variables_in_fragments() => ExpectValid(Rule, """
        query Foo($a: String, $b: String, $c: String) { ...FragA }
        fragment FragA on Type { field(a: $a) { ...FragB } }
        fragment FragB on Type { field(b: $b) { ...FragC } }
        fragment FragC on Type { field(c: $c) }
        """);

    [Fact]
    public void Variable_used_by_recursive_fragment() => ExpectValid(Rule, """
        query Foo($a: String) { ...FragA }
        fragment FragA on Type { field(a: $a) { ...FragA } }
        """);

    [Fact]
    public void Variable_not_used() => ExpectErrors(Rule, "query ($a: String, $b: String, $c: String) { field(a: $a, b: $b) }",
        Error("Variable \"$c\" is never used.", (1, 32)));

    [Fact]
    public void Multiple_variables_not_used() => ExpectErrors(Rule, "query Foo($a: String, $b: String, $c: String) { field(b: $b) }",
        Error("Variable \"$a\" is never used in operation \"Foo\".", (1, 11)),
        Error("Variable \"$c\" is never used in operation \"Foo\".", (1, 35)));

    [Fact]
    public void Variable_not_used_by_fragment_used_by_other_operation() => ExpectErrors(Rule, """
        query Foo($b: String) { ...FragA }
        query Bar($a: String) { ...FragB }
        fragment FragA on Type { field(a: $a) }
        fragment FragB on Type { field(b: $b) }
        """,
        Error("Variable \"$b\" is never used in operation \"Foo\".", (1, 11)),
        Error("Variable \"$a\" is never used in operation \"Bar\".", (2, 11)));

    [Fact]
    public void A_variable_used_only_in_its_own_default_is_unused() => ExpectErrors(Rule, "query Foo($a: String = \"x\") { field }",
        Error("Variable \"$a\" is never used in operation \"Foo\".", (1, 11)));
}
