using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Rules;
using static Voting.GraphQL.Tests.Validation.ValidationHarness;

namespace Voting.GraphQL.Tests.Validation;

public sealed class KnownDirectivesRuleTests
{
    private static readonly Func<ValidationContext, ValidationRule> Rule = c => new KnownDirectivesRule(c);

    [Fact]
    public void With_no_directives() => ExpectValid(Rule, "query Foo { name ...Frag } fragment Frag on Dog { name }");

    [Fact]
    public void With_standard_directives() => ExpectValid(Rule, "{ human @skip(if: false) { name pets { ... on Dog @include(if: true) { name } } } }");

    [Fact]
    public void With_unknown_directive() => ExpectErrors(Rule, "{ human @unknown(directive: \"value\") { name } }",
        Error("Unknown directive \"@unknown\".", (1, 9)));

    [Fact]
    public void With_many_unknown_directives() => ExpectErrors(Rule, """
        {
          __typename @unknown
          human @unknown { name pets @unknown { name } }
        }
        """,
        Error("Unknown directive \"@unknown\".", (2, 14)),
        Error("Unknown directive \"@unknown\".", (3, 9)),
        Error("Unknown directive \"@unknown\".", (3, 30)));

    [Fact]
    public void With_well_placed_directives() => ExpectValid(Rule, """
        query ($var: Boolean @onVariableDefinition) @onQuery {
          human @include(if: $var) {
            name @skip(if: $var)
            ...Frag @onFragmentSpread
            ... @onInlineFragment { name }
          }
        }
        mutation @onMutation { someField }
        subscription @onSubscription { someField }
        fragment Frag on Human @onFragmentDefinition { name }
        """);

    [Fact]
    public void With_misplaced_directives() => ExpectErrors(Rule, """
        query ($var: Boolean @onQuery) @onMutation {
          human @onQuery {
            ...Frag @onField
            ... @onFragmentSpread { name }
          }
        }
        mutation @onQuery { someField }
        subscription @onField { someField }
        fragment Frag on Human @onInlineFragment { name }
        """,
        Error("Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION.", (1, 22)),
        Error("Directive \"@onMutation\" may not be used on QUERY.", (1, 32)),
        Error("Directive \"@onQuery\" may not be used on FIELD.", (2, 9)),
        Error("Directive \"@onField\" may not be used on FRAGMENT_SPREAD.", (3, 13)),
        Error("Directive \"@onFragmentSpread\" may not be used on INLINE_FRAGMENT.", (4, 9)),
        Error("Directive \"@onQuery\" may not be used on MUTATION.", (7, 10)),
        Error("Directive \"@onField\" may not be used on SUBSCRIPTION.", (8, 14)),
        Error("Directive \"@onInlineFragment\" may not be used on FRAGMENT_DEFINITION.", (9, 24)));
}
