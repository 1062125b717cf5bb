using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// Not a spec rule but a server limit, as graphql-armor's max-aliases: the aliases in an operation,
/// each fragment's counted as often as it is spread, must not exceed the maximum. Aliases are how one
/// request runs the same field many times (<c>a1: election(id: 1) a2: election(id: 1) ...</c>).
/// Reported once per operation, at the operation.
/// </summary>
public sealed class MaxAliasesRule : ValidationRule
{
    private readonly int _maxAliases;
    private readonly AliasFold _fold;

    public MaxAliasesRule(ValidationContext context, int maxAliases)
        : base(context)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAliases);
        _maxAliases = maxAliases;
        _fold = new AliasFold(context);
    }

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        var aliases = _fold.Operation(node);
        if (aliases > _maxAliases)
        {
            Context.ReportError(LimitError.Create(
                nameof(MaxAliasesRule),
                $"Maximum aliases exceeded: {LimitError.Describe(node)} has {LimitError.Format(aliases)} aliases, the limit is {_maxAliases}.",
                ErrorCodes.MaxAliasesExceeded,
                "aliases",
                aliases,
                _maxAliases,
                node));
        }
    }

    private sealed class AliasFold(ValidationContext context) : SelectionFold<long>(context)
    {
        protected override long Empty => 0;

        protected override long Combine(long first, long second) => SaturatingCount.Add(first, second);

        protected override long OfField(FieldNode field, long selections) =>
            field.Alias is null ? selections : SaturatingCount.Add(selections, 1);
    }
}
