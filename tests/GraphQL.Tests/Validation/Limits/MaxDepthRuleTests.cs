using Voting.GraphQL.Errors;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;
using static Voting.GraphQL.Tests.Validation.Limits.LimitHarness;

namespace Voting.GraphQL.Tests.Validation.Limits;

public sealed class MaxDepthRuleTests
{
    private const string FourDeep = "{ dog { mother { mother { name } } } }";

    private static Func<ValidationContext, ValidationRule> Rule(int maxDepth, bool ignoreTypename = false) =>
        c => new MaxDepthRule(c, maxDepth, ignoreTypename);

    [Fact]
    public void Depth_below_the_limit_passes() => Assert.Empty(Messages(FourDeep, Rule(5)));

    [Fact]
    public void Depth_at_the_limit_passes() => Assert.Empty(Messages(FourDeep, Rule(4)));

    [Fact]
    public void Depth_above_the_limit_is_refused_at_the_operation_and_the_deepest_field() => Assert.Equal(
        ["Maximum depth exceeded: the anonymous operation is 4 fields deep, the limit is 3. @ 1:1, 1:27"],
        Messages(FourDeep, Rule(3)));

    [Fact]
    public void The_error_has_a_code_the_depth_and_the_maximum()
    {
        var error = Assert.Single(Validate("query Deep " + FourDeep, null, Rule(2)));
        Assert.Equal("Maximum depth exceeded: operation \"Deep\" is 4 fields deep, the limit is 2.", error.Message);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Extensions!["code"]);
        Assert.Equal(4, error.Extensions["depth"]);
        Assert.Equal(2, error.Extensions["maximum"]);
        Assert.Equal(nameof(MaxDepthRule), error.Extensions[DocumentValidator.RuleExtension]);
    }

    [Fact]
    public void The_deepest_branch_counts_not_the_first() => Assert.Equal(
        ["Maximum depth exceeded: the anonymous operation is 3 fields deep, the limit is 2. @ 1:1, 1:31"],
        Messages("{ dog { name } human { pets { name } } }", Rule(2)));

    [Fact]
    public void Fragments_count_where_they_are_spread() => Assert.Equal(
        ["Maximum depth exceeded: the anonymous operation is 5 fields deep, the limit is 4. @ 1:1, 3:50"],
        Messages("""
            { dog { ...Parents } }
            fragment Parents on Dog { mother { ...Grandparents } }
            fragment Grandparents on Dog { father { mother { name } } }
            """,
            Rule(4)));

    [Fact]
    public void Inline_fragments_add_no_depth() =>
        Assert.Empty(Messages("{ dog { ... on Dog { ... { mother { name } } } } }", Rule(3)));

    [Fact]
    public void A_fragment_cycle_ends() => Assert.Equal(
        ["Maximum depth exceeded: the anonymous operation is 3 fields deep, the limit is 2. @ 1:1, 3:21"],
        Messages("""
            { dog { ...A } }
            fragment A on Dog { mother { ...B } }
            fragment B on Dog { father { ...A } }
            """,
            Rule(2)));

    [Fact]
    public void Introspection_fields_count_like_others() => Assert.Equal(
        ["Maximum depth exceeded: the anonymous operation is 4 fields deep, the limit is 3. @ 1:1, 1:31"],
        Messages("{ __schema { types { fields { name } } } }", Rule(3)));

    [Fact]
    public void Typename_counts_unless_ignored()
    {
        const string query = "{ dog { mother { __typename } } }";
        Assert.Single(Messages(query, Rule(2)));
        Assert.Empty(Messages(query, Rule(2, ignoreTypename: true)));
    }

    [Fact]
    public void Each_operation_is_measured_and_reported_once() => Assert.Equal(
        [
            "Maximum depth exceeded: operation \"A\" is 3 fields deep, the limit is 2. @ 1:1, 1:26",
            "Maximum depth exceeded: operation \"C\" is 3 fields deep, the limit is 2. @ 3:1, 4:30",
        ],
        Messages("""
            query A { dog { mother { name } father { name } } }
            query B { dog { name } }
            query C { dog { ...M } ...D }
            fragment M on Dog { mother { name } }
            fragment D on Query { dog { father { name } } }
            """,
            Rule(2)));

    [Fact]
    public void A_limit_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Validate(FourDeep, null, Rule(0)));
}
