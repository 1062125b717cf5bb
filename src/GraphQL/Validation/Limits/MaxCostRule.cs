using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// Not a spec rule but a server limit, HotChocolate's cost analysis after the GraphQL Cost Directives
/// specification (<see href="https://ibm.github.io/graphql-specs/cost-spec.html"/>): an operation whose
/// field cost (see <see cref="CostAnalyzer"/>) is over the maximum is refused before any resolver runs.
/// Validation does not know the variables, so a slicing argument given as one counts as its assumed
/// size; the server can cost the operation again with them through <see cref="CostAnalyzer.Compute"/>.
/// Reported once per operation, at the operation.
/// </summary>
public sealed class MaxCostRule : ValidationRule
{
    private readonly double _maxFieldCost;
    private readonly int _defaultListSize;

    public MaxCostRule(ValidationContext context, double maxFieldCost, int defaultListSize)
        : base(context)
    {
        if (!(double.IsFinite(maxFieldCost) && maxFieldCost > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFieldCost), maxFieldCost, "The maximum cost must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(defaultListSize);
        _maxFieldCost = maxFieldCost;
        _defaultListSize = defaultListSize;
    }

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        var cost = new CostCalculator(Context.Schema, Context.GetFragment, null, _defaultListSize).Operation(node);
        if (cost > _maxFieldCost)
        {
            Context.ReportError(CostAnalyzer.CostExceededError(node, cost, _maxFieldCost));
        }
    }
}
