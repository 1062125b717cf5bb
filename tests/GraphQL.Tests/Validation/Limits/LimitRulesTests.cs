using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;

namespace Voting.GraphQL.Tests.Validation.Limits;

public sealed class LimitRulesTests
{
    private static readonly Schema BenchmarkSchema = SchemaBuilder.FromSdl(LimitHarness.BenchmarkDocument("schema.graphql")).Create();

    private static IReadOnlyList<string> ValidateWithLimits(Schema schema, string document, LimitOptions options) =>
        LimitHarness.Describe(DocumentValidator.Validate(schema, Parser.Parse(document), new ValidationOptions
        {
            Rules = [.. SpecifiedRules.All, .. LimitRules.For(options)],
        }));

    [Fact]
    public void The_defaults_turn_every_limit_on() => Assert.Equal(
        [nameof(MaxDepthRule), nameof(MaxAliasesRule), nameof(MaxDirectivesRule), nameof(MaxCostRule)],
        RuleNames(LimitOptions.Default));

    [Fact]
    public void A_null_limit_is_off() => Assert.Equal(
        [nameof(MaxDirectivesRule)],
        RuleNames(new LimitOptions { MaxDepth = null, MaxAliases = null, MaxDirectives = null, MaxFieldCost = null }));

    [Fact]
    public void With_both_directive_limits_null_no_directive_rule_runs() =>
        Assert.Empty(RuleNames(new LimitOptions { MaxDepth = null, MaxAliases = null, MaxDirectives = null, MaxDirectivesPerField = null, MaxFieldCost = null }));

    [Fact]
    public void The_introspection_query_passes_every_spec_rule_and_limit_under_the_defaults() =>
        Assert.Empty(ValidateWithLimits(BenchmarkSchema, LimitHarness.BenchmarkDocument("introspection.graphql"), LimitOptions.Default));

    [Fact]
    public void The_introspection_query_is_15_fields_deep() => Assert.Equal(
        ["Maximum depth exceeded: operation \"IntrospectionQuery\" is 15 fields deep, the limit is 14."],
        ValidateWithLimits(BenchmarkSchema, LimitHarness.BenchmarkDocument("introspection.graphql"), new LimitOptions { MaxDepth = 14 })
            .Select(e => e[..e.IndexOf(" @ ", StringComparison.Ordinal)]));

    [Fact]
    public void The_election_dashboard_passes_every_spec_rule_and_limit_under_the_defaults() =>
        Assert.Empty(ValidateWithLimits(BenchmarkSchema, LimitHarness.BenchmarkDocument("election.graphql"), LimitOptions.Default));

    [Fact]
    public void The_election_dashboard_stays_well_inside_the_defaults() => Assert.Equal(
        [
            "Maximum depth exceeded: operation \"ElectionDashboard\" is 5 fields deep, the limit is 4.",
            "Maximum aliases exceeded: operation \"ElectionDashboard\" has 5 aliases, the limit is 4.",
            "Maximum directives exceeded: operation \"ElectionDashboard\" has 2 directives, the limit is 1.",
        ],
        ValidateWithLimits(BenchmarkSchema, LimitHarness.BenchmarkDocument("election.graphql"), new LimitOptions { MaxDepth = 4, MaxAliases = 4, MaxDirectives = 1, MaxFieldCost = null })
            .Select(e => e[..e.IndexOf(" @ ", StringComparison.Ordinal)]));

    [Fact]
    public void The_election_dashboard_costs_48_with_unsized_lists_of_ten() =>
        // me 2 (sessions 1), elections 23 (pageInfo 1, edges 1 + 10 × (node 1 + candidates 1)),
        // election 10, upcoming 12 (nodes 1 + 10 × candidates 1), verification 1; @skip and @include
        // are not evaluated, so tally and results both count.
        Assert.Equal(48, CostAnalyzer.Compute(BenchmarkSchema, Parser.Parse(LimitHarness.BenchmarkDocument("election.graphql"))));

    [Fact]
    public void Limits_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitRules.For(new LimitOptions { MaxDepth = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitRules.For(new LimitOptions { MaxAliases = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitRules.For(new LimitOptions { MaxDirectives = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitRules.For(new LimitOptions { MaxDirectivesPerField = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitRules.For(new LimitOptions { MaxFieldCost = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitRules.For(new LimitOptions { MaxFieldCost = double.PositiveInfinity }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LimitRules.For(new LimitOptions { DefaultListSize = -1 }));
    }

    [Fact]
    public void Zero_aliases_and_directives_are_limits_not_off()
    {
        var options = new LimitOptions { MaxAliases = 0, MaxDirectives = 0 };
        Assert.Equal(2, ValidateWithLimits(TestSchema.Instance, "{ pet: dog @include(if: true) { name } }", options).Count);
    }

    private static string[] RuleNames(LimitOptions options)
    {
        var context = CaptureContext();
        return [.. LimitRules.For(options).Select(f => f(context).GetType().Name)];
    }

    private static ValidationContext CaptureContext()
    {
        ValidationContext? captured = null;
        DocumentValidator.Validate(TestSchema.Instance, Parser.Parse("{ dog { name } }"), new ValidationOptions
        {
            Rules = [c => { captured = c; return new MaxAliasesRule(c, 1); }],
        });
        return captured!;
    }
}
