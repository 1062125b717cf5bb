using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// Static field cost analysis after the GraphQL Cost Directives specification
/// (<see href="https://ibm.github.io/graphql-specs/cost-spec.html"/>), as HotChocolate applies it.
/// </summary>
/// <remarks>
/// <para>
/// A field costs its weight, plus the weights (<c>@cost</c>) of the arguments and input fields the
/// query gives it, plus the cost of its selections times the number of items it returns. The weight is
/// the field's <c>@cost</c>, else its type's, else 1 for an object, interface or union and 0 for a
/// scalar or enum: a resolver that fetches an object is what costs, reading a property of it is free.
/// </para>
/// <para>
/// A list field's size comes from <c>@listSize</c>: the value of its slicing argument (the largest, if
/// the query gives several; the argument's default, if it gives none), else <c>assumedSize</c>, else
/// <see cref="LimitOptions.DefaultListSize"/>. A slicing argument given as a variable is read from the
/// variables when they are known (at execution) and counts as <c>assumedSize</c> or the default when
/// they are not (at validation). With <c>sizedFields</c> (a connection's <c>edges</c> and <c>nodes</c>),
/// the size multiplies those fields' selections instead of the field's own. <c>requireOneSlicingArgument</c>
/// is not enforced.
/// </para>
/// <para>
/// Fragments count where they are spread. A selection set on an interface or union costs the most any
/// of its possible types makes it cost, so a fragment on one member is not added to a fragment on
/// another. Fields selected twice under one response name count twice, and <c>@skip</c> and <c>@include</c>
/// are not evaluated, so both branches count: the cost is an upper bound.
/// <c>__typename</c> and the introspection fields cost nothing: they read the schema in memory and
/// <c>MaxIntrospectionDepthRule</c> bounds them. Costs stop at <see cref="double.MaxValue"/>.
/// </para>
/// </remarks>
public static class CostAnalyzer
{
    /// <summary>The extensions key of the computed cost in a <see cref="ErrorCodes.MaxCostExceeded"/> error.</summary>
    public const string CostExtension = "cost";

    /// <summary>The field cost of an operation of the document, for the server to report or enforce with the request's variables.</summary>
    /// <param name="schema">The schema the document was validated against.</param>
    /// <param name="document">A valid executable document.</param>
    /// <param name="operationName">The operation to cost; null when the document has only one.</param>
    /// <param name="variables">The request's variables (raw or coerced); null costs variables as unknown.</param>
    /// <param name="options">Where <see cref="LimitOptions.DefaultListSize"/> comes from; null for the defaults.</param>
    /// <exception cref="ArgumentException">The document has no such operation, or several and no name was given.</exception>
    public static double Compute(
        Schema schema,
        DocumentNode document,
        string? operationName = null,
        IReadOnlyDictionary<string, object?>? variables = null,
        LimitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        options ??= LimitOptions.Default;
        options.Validate();

        var operation = GetOperation(document, operationName);
        var fragments = new Dictionary<string, FragmentDefinitionNode>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            // The last definition wins, as in ValidationContext.
            fragments[fragment.Name.Value] = fragment;
        }

        return new CostCalculator(schema, fragments.GetValueOrDefault, variables, options.DefaultListSize).Operation(operation);
    }

    /// <summary>
    /// The error for an operation whose cost is over the maximum: the cost and the maximum in the message
    /// and in <c>extensions</c> (<c>cost</c>, <c>maximum</c>), code <see cref="ErrorCodes.MaxCostExceeded"/>.
    /// </summary>
    public static GraphQLError CostExceededError(OperationDefinitionNode operation, double cost, double maximum)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return LimitError.Create(
            nameof(MaxCostRule),
            $"Maximum cost exceeded: {LimitError.Describe(operation)} costs {LimitError.Format(cost)}, the limit is {LimitError.Format(maximum)}.",
            ErrorCodes.MaxCostExceeded,
            CostExtension,
            cost,
            maximum,
            operation);
    }

    // Spec 6.1 GetOperation.
    private static OperationDefinitionNode GetOperation(DocumentNode document, string? operationName)
    {
        var operations = document.Definitions.OfType<OperationDefinitionNode>().ToList();
        if (operationName is null)
        {
            return operations.Count == 1
                ? operations[0]
                : throw new ArgumentException(operations.Count == 0 ? "The document has no operation." : "Must provide operation name if query contains multiple operations.", nameof(operationName));
        }

        return operations.FirstOrDefault(o => o.Name?.Value == operationName)
            ?? throw new ArgumentException($"Unknown operation named \"{operationName}\".", nameof(operationName));
    }
}
