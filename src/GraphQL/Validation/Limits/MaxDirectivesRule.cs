using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// Not a spec rule but a server limit, as graphql-armor's max-directives: the directives in an
/// operation (on the operation, its variables, fields, inline fragments, spreads and the fragments
/// spread, each fragment counted as often as it is spread) must not exceed one maximum, and those on
/// any one field another. Each limit is reported at most once per operation: the total at the
/// operation, the per-field one at the field with the most directives.
/// </summary>
public sealed class MaxDirectivesRule : ValidationRule
{
    private readonly int? _maxDirectives;
    private readonly int? _maxPerField;
    private readonly DirectiveFold _fold;

    /// <param name="context">The validation.</param>
    /// <param name="maxDirectives">Most directives per operation; null for no limit.</param>
    /// <param name="maxDirectivesPerField">Most directives on one field; null for no limit.</param>
    public MaxDirectivesRule(ValidationContext context, int? maxDirectives, int? maxDirectivesPerField = null)
        : base(context)
    {
        if (maxDirectives < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDirectives), maxDirectives, "A limit is zero or more.");
        }

        if (maxDirectivesPerField < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDirectivesPerField), maxDirectivesPerField, "A limit is zero or more.");
        }

        _maxDirectives = maxDirectives;
        _maxPerField = maxDirectivesPerField;
        _fold = new DirectiveFold(context);
    }

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        var count = _fold.Operation(node);
        if (count.Total > _maxDirectives)
        {
            Context.ReportError(LimitError.Create(
                nameof(MaxDirectivesRule),
                $"Maximum directives exceeded: {LimitError.Describe(node)} has {LimitError.Format(count.Total)} directives, the limit is {_maxDirectives}.",
                ErrorCodes.MaxDirectivesExceeded,
                "directives",
                count.Total,
                _maxDirectives.Value,
                node));
        }

        if (count.MostOnOneField > _maxPerField)
        {
            Context.ReportError(LimitError.Create(
                nameof(MaxDirectivesRule),
                $"Maximum directives per field exceeded: field \"{count.Field!.Name.Value}\" in {LimitError.Describe(node)} has {count.MostOnOneField} directives, the limit is {_maxPerField}.",
                ErrorCodes.MaxDirectivesExceeded,
                "directives",
                count.MostOnOneField,
                _maxPerField.Value,
                count.Field));
        }
    }

    private readonly record struct DirectiveCount(long Total, int MostOnOneField, FieldNode? Field)
    {
        public DirectiveCount Plus(int directives) => this with { Total = SaturatingCount.Add(Total, directives) };
    }

    private sealed class DirectiveFold(ValidationContext context) : SelectionFold<DirectiveCount>(context)
    {
        protected override DirectiveCount Empty => default;

        protected override DirectiveCount Combine(DirectiveCount first, DirectiveCount second) => new(
            SaturatingCount.Add(first.Total, second.Total),
            Math.Max(first.MostOnOneField, second.MostOnOneField),
            second.MostOnOneField > first.MostOnOneField ? second.Field : first.Field);

        protected override DirectiveCount OfField(FieldNode field, DirectiveCount selections)
        {
            var own = field.Directives.Count;
            var count = selections.Plus(own);
            return own > count.MostOnOneField || (own > 0 && own == count.MostOnOneField)
                ? count with { MostOnOneField = own, Field = field }
                : count;
        }

        protected override DirectiveCount OfInlineFragment(InlineFragmentNode inline, DirectiveCount selections) =>
            selections.Plus(inline.Directives.Count);

        protected override DirectiveCount OfFragmentSpread(FragmentSpreadNode spread, DirectiveCount fragment) =>
            fragment.Plus(spread.Directives.Count);

        protected override DirectiveCount OfFragment(FragmentDefinitionNode fragment, DirectiveCount selections) =>
            selections.Plus(fragment.Directives.Count);

        protected override DirectiveCount OfOperation(OperationDefinitionNode operation, DirectiveCount selections)
        {
            var count = selections.Plus(operation.Directives.Count);
            foreach (var variable in operation.VariableDefinitions)
            {
                count = count.Plus(variable.Directives.Count);
            }

            return count;
        }
    }
}
