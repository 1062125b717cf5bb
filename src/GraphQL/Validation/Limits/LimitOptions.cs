namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// The limits <see cref="LimitRules.For"/> turns into validation rules. Each nullable limit is off when
/// null. Zero is a real limit for the counts (no aliases, no directives at all); depth and cost must be
/// positive, since an operation always has at least one field.
/// </summary>
/// <remarks>
/// The defaults are anchored on graphql-armor and HotChocolate and checked against what our clients
/// send: the standard introspection query (15 fields deep, no aliases, no directives, cost 0) and the
/// election dashboard (5 deep, 5 aliases, 2 directives, cost 48) pass all of them with room to spare.
/// The parser bounds the document itself (<c>ParserOptions.MaxTokens</c>, graphql-armor's max-tokens).
/// </remarks>
public sealed class LimitOptions
{
    public static LimitOptions Default { get; } = new();

    /// <summary>
    /// Deepest chain of fields from the operation's root, fragments expanded, the root fields being 1
    /// (20 by default). graphql-armor's 6 refuses the standard introspection query (15 deep); 20 admits
    /// it and tools whose type references nest a few levels deeper, while a path through our own schema
    /// is at most about 7 fields long, so only a recursive path could come near the limit.
    /// </summary>
    public int? MaxDepth { get; init; } = 20;

    /// <summary>Leaves <c>__typename</c> out of the depth, for clients that add it to every selection (off by default: it is a field like any other).</summary>
    public bool IgnoreTypenameInDepth { get; init; }

    /// <summary>
    /// Most aliases in one operation, each fragment counted as often as it is spread (15 by default,
    /// graphql-armor's). Aliases are how one request asks for the same expensive field many times.
    /// </summary>
    public int? MaxAliases { get; init; } = 15;

    /// <summary>
    /// Most directives in one operation, on every node it holds, fragments counted as often as they are
    /// spread (50 by default, graphql-armor's max-directives): thousands of <c>@include</c> on one field
    /// cost the server work and no client a thing.
    /// </summary>
    public int? MaxDirectives { get; init; } = 50;

    /// <summary>
    /// Most directives on one field (10 by default): a field carries <c>@include</c> or <c>@skip</c> and
    /// perhaps a custom directive or two, so 10 leaves room for repeatable ones while refusing a flood
    /// on one field that the per-operation limit alone would let through.
    /// </summary>
    public int? MaxDirectivesPerField { get; init; } = 10;

    /// <summary>
    /// Highest field cost an operation may have (1,000 by default, HotChocolate's MaxFieldCost); see
    /// <see cref="CostAnalyzer"/> for how it is computed.
    /// </summary>
    public double? MaxFieldCost { get; init; } = 1000;

    /// <summary>
    /// The size the cost analysis assumes for a list field that neither a slicing argument nor
    /// <c>@listSize(assumedSize:)</c> sizes (10 by default): two nested unbounded lists (100 items)
    /// stay well within the default cost, four (10,000) do not.
    /// </summary>
    public int DefaultListSize { get; init; } = 10;

    internal void Validate()
    {
        if (MaxDepth is { } depth)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth, nameof(MaxDepth));
        }

        if (MaxAliases is { } aliases)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(aliases, nameof(MaxAliases));
        }

        if (MaxDirectives is { } directives)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(directives, nameof(MaxDirectives));
        }

        if (MaxDirectivesPerField is { } perField)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(perField, nameof(MaxDirectivesPerField));
        }

        if (MaxFieldCost is { } cost && !(double.IsFinite(cost) && cost > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFieldCost), cost, "MaxFieldCost must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(DefaultListSize, nameof(DefaultListSize));
    }
}
