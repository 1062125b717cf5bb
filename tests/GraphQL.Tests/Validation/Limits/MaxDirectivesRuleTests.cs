using Voting.GraphQL.Errors;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;
using static Voting.GraphQL.Tests.Validation.Limits.LimitHarness;

namespace Voting.GraphQL.Tests.Validation.Limits;

public sealed class MaxDirectivesRuleTests
{
    // Directives on the operation, a variable, fields, an inline fragment, a spread and the fragment: 8.
    private const string EightDirectives = """
        query Q($v: Boolean @a) @b {
          dog @include(if: true) {
            name @skip(if: false) @c
            ... @include(if: true) { nickname }
            ...Bark @d
          }
        }
        fragment Bark on Dog @e { barks }
        """;

    private static Func<ValidationContext, ValidationRule> Rule(int? maxDirectives, int? maxDirectivesPerField = null) =>
        c => new MaxDirectivesRule(c, maxDirectives, maxDirectivesPerField);

    [Fact]
    public void Directives_below_the_limit_pass() => Assert.Empty(Messages(EightDirectives, Rule(9)));

    [Fact]
    public void Directives_at_the_limit_pass() => Assert.Empty(Messages(EightDirectives, Rule(8)));

    [Fact]
    public void Directives_above_the_limit_are_refused_once_at_the_operation()
    {
        var error = Assert.Single(Validate(EightDirectives, null, Rule(7)));
        Assert.Equal(["Maximum directives exceeded: operation \"Q\" has 8 directives, the limit is 7. @ 1:1"], Describe([error]));
        Assert.Equal(ErrorCodes.MaxDirectivesExceeded, error.Extensions!["code"]);
        Assert.Equal(8L, error.Extensions["directives"]);
        Assert.Equal(7, error.Extensions["maximum"]);
    }

    [Fact]
    public void A_fragment_counts_each_time_it_is_spread() => Assert.Equal(
        ["Maximum directives exceeded: the anonymous operation has 5 directives, the limit is 4. @ 1:1"],
        Messages("""
            { a: dog { ...Name } b: dog { ...Name @x } }
            fragment Name on Dog @y { name @z }
            """,
            Rule(4)));

    [Fact]
    public void Directives_on_one_field_at_the_limit_pass() =>
        Assert.Empty(Messages("{ dog { name @a @b @c } }", Rule(null, 3)));

    [Fact]
    public void The_field_with_the_most_directives_over_the_per_field_limit_is_reported_once()
    {
        var error = Assert.Single(Validate("""
            { dog @a @b @c { name @a @b @c @d nickname @a @b @c @d } }
            """,
            null,
            Rule(null, 3)));
        Assert.Equal(["Maximum directives per field exceeded: field \"name\" in the anonymous operation has 4 directives, the limit is 3. @ 1:18"], Describe([error]));
        Assert.Equal(4, error.Extensions!["directives"]);
        Assert.Equal(3, error.Extensions["maximum"]);
    }

    [Fact]
    public void Both_limits_are_reported_when_both_are_exceeded() => Assert.Equal(
        [
            "Maximum directives exceeded: the anonymous operation has 3 directives, the limit is 2. @ 1:1",
            "Maximum directives per field exceeded: field \"name\" in the anonymous operation has 3 directives, the limit is 1. @ 1:9",
        ],
        Messages("{ dog { name @a @b @c } }", Rule(2, 1)));

    [Fact]
    public void A_fragment_cycle_ends() => Assert.Equal(
        ["Maximum directives exceeded: the anonymous operation has 2 directives, the limit is 1. @ 1:1"],
        Messages("""
            { dog { ...A } }
            fragment A on Dog { mother @a { ...A @b } }
            """,
            Rule(1)));
}
