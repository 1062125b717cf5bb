using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// Not a spec rule but a server limit, as graphql-armor's max-depth and HotChocolate's max execution
/// depth: the longest chain of fields an operation selects, its root fields being 1 deep and fragments
/// counted where they are spread, must not exceed the maximum. Introspection fields count like any
/// other; <c>__typename</c> may be left out. Reported once per operation, at the operation and at the
/// deepest field.
/// </summary>
public sealed class MaxDepthRule : ValidationRule
{
    private readonly int _maxDepth;
    private readonly DepthFold _fold;

    public MaxDepthRule(ValidationContext context, int maxDepth, bool ignoreTypename = false)
        : base(context)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDepth);
        _maxDepth = maxDepth;
        _fold = new DepthFold(context, ignoreTypename);
    }

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        var (depth, deepest) = _fold.Operation(node);
        if (depth > _maxDepth)
        {
            Context.ReportError(LimitError.Create(
                nameof(MaxDepthRule),
                $"Maximum depth exceeded: {LimitError.Describe(node)} is {depth} fields deep, the limit is {_maxDepth}.",
                ErrorCodes.MaxDepthExceeded,
                "depth",
                depth,
                _maxDepth,
                node,
                deepest));
        }
    }

    private sealed class DepthFold(ValidationContext context, bool ignoreTypename) : SelectionFold<(int Depth, FieldNode? Deepest)>(context)
    {
        protected override (int Depth, FieldNode? Deepest) Empty => (0, null);

        // The first of equally deep selections, so the location is the first one in the document.
        protected override (int Depth, FieldNode? Deepest) Combine((int Depth, FieldNode? Deepest) first, (int Depth, FieldNode? Deepest) second) =>
            second.Depth > first.Depth ? second : first;

        protected override (int Depth, FieldNode? Deepest) OfField(FieldNode field, (int Depth, FieldNode? Deepest) selections) =>
            ignoreTypename && field.Name.Value == "__typename" ? Empty : (selections.Depth + 1, selections.Deepest ?? field);
    }
}
