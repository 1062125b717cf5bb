using Voting.GraphQL.Errors;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;
using static Voting.GraphQL.Tests.Validation.Limits.LimitHarness;

namespace Voting.GraphQL.Tests.Validation.Limits;

public sealed class MaxAliasesRuleTests
{
    private const string ThreeAliases = "{ a: dog { b: name c: nickname } }";

    private static Func<ValidationContext, ValidationRule> Rule(int maxAliases) => c => new MaxAliasesRule(c, maxAliases);

    [Fact]
    public void Aliases_below_the_limit_pass() => Assert.Empty(Messages(ThreeAliases, Rule(4)));

    [Fact]
    public void Aliases_at_the_limit_pass() => Assert.Empty(Messages(ThreeAliases, Rule(3)));

    [Fact]
    public void Aliases_above_the_limit_are_refused_once_at_the_operation()
    {
        var error = Assert.Single(Validate(ThreeAliases, null, Rule(2)));
        Assert.Equal(["Maximum aliases exceeded: the anonymous operation has 3 aliases, the limit is 2. @ 1:1"], Describe([error]));
        Assert.Equal(ErrorCodes.MaxAliasesExceeded, error.Extensions!["code"]);
        Assert.Equal(3L, error.Extensions["aliases"]);
        Assert.Equal(2, error.Extensions["maximum"]);
    }

    [Fact]
    public void A_limit_of_zero_refuses_any_alias()
    {
        Assert.Empty(Messages("{ dog { name } }", Rule(0)));
        Assert.Single(Messages("{ pet: dog { name } }", Rule(0)));
    }

    [Fact]
    public void A_fragment_counts_each_time_it_is_spread() => Assert.Equal(
        ["Maximum aliases exceeded: operation \"Q\" has 5 aliases, the limit is 4. @ 1:1"],
        Messages("""
            query Q { a: dog { ...Names } b: dog { ...Names } ... on Query { c: dog { name } } }
            fragment Names on Dog { first: name }
            """,
            Rule(4)));

    [Fact]
    public void Unused_fragments_do_not_count() => Assert.Empty(Messages("""
        { dog { name } }
        fragment Unused on Dog { a: name b: name c: name }
        """,
        Rule(0)));

    [Fact]
    public void A_fragment_cycle_ends() => Assert.Equal(
        ["Maximum aliases exceeded: the anonymous operation has 2 aliases, the limit is 1. @ 1:1"],
        Messages("""
            { dog { ...A } }
            fragment A on Dog { m: mother { ...B } }
            fragment B on Dog { f: father { ...A } }
            """,
            Rule(1)));

    [Fact]
    public void Fragments_that_double_every_level_are_counted_without_expanding_them()
    {
        // 70 levels of two spreads each: 2^71 aliases written out, more than a long holds.
        var fragments = Enumerable.Range(0, 70).Select(i => $"fragment F{i} on Dog {{ a: mother {{ ...F{i + 1} }} b: father {{ ...F{i + 1} }} }}");
        var query = "{ dog { ...F0 } }\n" + string.Join("\n", fragments) + "\nfragment F70 on Dog { name }";
        var error = Assert.Single(Validate(query, null, Rule(15)));
        Assert.Equal(long.MaxValue, error.Extensions!["aliases"]);
    }
}
