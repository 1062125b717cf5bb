using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class NoUndefinedVariablesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new NoUndefinedVariablesRule(c);

    [Fact]
    public void All_variables_defined() => ExpectValid(Rule, """
        query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }
        """);

    [Fact]
    public void All_variables_deeply_defined_in_inline_fragments() => ExpectValid(Rule, """
        query Foo($a: String, $b: String, $c: String) {
          ... on Type { field(a: $a) { field(b: $b) { ... on Type { field(c: $c) } } } }
        }
        """);

    [Fact]
    public void All_variables_in_fragments_deeply_defined() => ExpectValid(Rule, """
        query Foo($a: String, $b: String, $c: String) { ...FragA }
        fragment FragA on Type { field(a: $a) { ...FragB } }
        fragment FragB on Type { field(b: $b) { ...FragC } }
        fragment FragC on Type { field(c: $c) }
        """);

    [Fact]
    public void Variable_within_recursive_fragment_defined() => ExpectValid(Rule, """
        query Foo($a: String) { ...FragA }
        fragment FragA on Type { field(a: $a) { ...FragA } }
        """);

    [Fact]
    public void Variable_not_defined() => ExpectErrors(Rule, """
        query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c, d: $d) }
        """,
        Error("Variable \"$d\" is not defined by operation \"Foo\".", (1, 79), (1, 1)));

    [Fact]
    public void Variable_not_defined_by_unnamed_query() => ExpectErrors(Rule, "{ field(a: $a) }",
        Error("Variable \"$a\" is not defined.", (1, 12), (1, 1)));

    [Fact]
    public void Multiple_variables_not_defined() => ExpectErrors(Rule, "query Foo($b: String) { field(a: $a, b: $b, c: $c) }",
        Error("Variable \"$a\" is not defined by operation \"Foo\".", (1, 34), (1, 1)),
        Error("Variable \"$c\" is not defined by operation \"Foo\".", (1, 48), (1, 1)));

    [Fact]
    public void Variable_in_fragment_not_defined_by_operation() => ExpectErrors(Rule, """
        query Foo($a: String, $b: String) { ...FragA }
        fragment FragA on Type { field(a: $a) { ...FragB } }
        fragment FragB on Type { field(b: $b) { ...FragC } }
        fragment FragC on Type { field(c: $c) }
        """,
        Error("Variable \"$c\" is not defined by operation \"Foo\".", (4, 35), (1, 1)));

    [Fact]
    public void Variable_in_fragment_used_by_other_operation() => ExpectErrors(Rule, """
        query Foo($b: String) { ...FragA }
        query Bar($a: String) { ...FragB }
        fragment FragA on Type { field(a: $a) }
        fragment FragB on Type { field(b: $b) }
        """,
        Error("Variable \"$a\" is not defined by operation \"Foo\".", (3, 35), (1, 1)),
        Error("Variable \"$b\" is not defined by operation \"Bar\".", (4, 35), (2, 1)));

    [Fact]
    public void Variables_in_directives_and_nested_values() => ExpectErrors(Rule, "query Foo { field(a: [{ b: $b }]) @include(if: $c) }",
        Error("Variable \"$b\" is not defined by operation \"Foo\".", (1, 28), (1, 1)),
        Error("Variable \"$c\" is not defined by operation \"Foo\".", (1, 48), (1, 1)));
}
