using Voting.GraphQL.Errors;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;
using static Voting.GraphQL.Tests.Validation.Limits.LimitHarness;

namespace Voting.GraphQL.Tests.Validation.Limits;

public sealed class MaxCostRuleTests
{
    // 111: see CostAnalyzerTests.HotChocolates_connection_example_multiplies_the_sized_fields_selections.
    private const string Costs111 = "{ books(first: 50) { edges { node { title author { name } } } } }";

    private static Func<ValidationContext, ValidationRule> Rule(double maxFieldCost, int defaultListSize = 10) =>
        c => new MaxCostRule(c, maxFieldCost, defaultListSize);

    private static string[] CostErrors(string query, double maxFieldCost) => Describe(Validate(query, CostSchema.Instance, Rule(maxFieldCost)));

    [Fact]
    public void A_cost_below_the_maximum_passes() => Assert.Empty(CostErrors(Costs111, 112));

    [Fact]
    public void A_cost_at_the_maximum_passes() => Assert.Empty(CostErrors(Costs111, 111));

    [Fact]
    public void A_cost_above_the_maximum_is_refused_with_the_cost_and_the_maximum()
    {
        var error = Assert.Single(Validate("query Books " + Costs111, CostSchema.Instance, Rule(110)));
        Assert.Equal(["Maximum cost exceeded: operation \"Books\" costs 111, the limit is 110. @ 1:1"], Describe([error]));
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Extensions!["code"]);
        Assert.Equal(111.0, error.Extensions["cost"]);
        Assert.Equal(110.0, error.Extensions["maximum"]);
        Assert.Equal(nameof(MaxCostRule), error.Extensions[DocumentValidator.RuleExtension]);
    }

    [Fact]
    public void Each_operation_is_costed_on_its_own() => Assert.Equal(
        ["Maximum cost exceeded: operation \"Big\" costs 1,001, the limit is 1,000. @ 2:1"],
        CostErrors("""
            query Small { users(max: 2) { age } }
            query Big { users(max: 500) { age } }
            """,
            1000));

    [Fact]
    public void Validation_costs_a_variable_slicing_argument_at_its_assumed_size() =>
        Assert.Equal(
            ["Maximum cost exceeded: the anonymous operation costs 201, the limit is 200. @ 1:1"],
            CostErrors("query ($n: Int) { paged(first: $n) { age } }", 200));

    [Fact]
    public void A_saturated_cost_prints_in_scientific_notation()
    {
        var error = Assert.Single(Validate(CostSchema.FortyOneNestedLists, CostSchema.Instance, Rule(1000, int.MaxValue)));
        Assert.Equal("Maximum cost exceeded: the anonymous operation costs 1.798E+308, the limit is 1,000.", error.Message);
    }

    [Fact]
    public void The_error_for_a_cost_computed_with_variables_is_the_rules()
    {
        var document = Voting.GraphQL.Language.Parser.Parse("query Paged($n: Int) { paged(first: $n) { age } }");
        var operation = document.Definitions.OfType<Voting.GraphQL.Language.Ast.OperationDefinitionNode>().Single();
        var cost = CostAnalyzer.Compute(CostSchema.Instance, document, "Paged", new Dictionary<string, object?> { ["n"] = 600 });
        var error = CostAnalyzer.CostExceededError(operation, cost, 1000);
        Assert.Equal(["Maximum cost exceeded: operation \"Paged\" costs 1,201, the limit is 1,000. @ 1:1"], Describe([error]));
        Assert.Equal(1201.0, error.Extensions!["cost"]);
    }
}
