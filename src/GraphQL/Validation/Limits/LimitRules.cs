namespace Voting.GraphQL.Validation.Limits;

/// <summary>The limit rules for a set of <see cref="LimitOptions"/>, to append to <see cref="SpecifiedRules.All"/>.</summary>
/// <example>
/// <code>new ValidationOptions { Rules = [.. SpecifiedRules.All, .. LimitRules.For(LimitOptions.Default)] }</code>
/// </example>
public static class LimitRules
{
    /// <summary>One rule per limit that is on, in the order depth, aliases, directives, cost.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of its range (see <see cref="LimitOptions"/>).</exception>
    public static IReadOnlyList<Func<ValidationContext, ValidationRule>> For(LimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var rules = new List<Func<ValidationContext, ValidationRule>>();
        if (options.MaxDepth is { } maxDepth)
        {
            var ignoreTypename = options.IgnoreTypenameInDepth;
            rules.Add(c => new MaxDepthRule(c, maxDepth, ignoreTypename));
        }

        if (options.MaxAliases is { } maxAliases)
        {
            rules.Add(c => new MaxAliasesRule(c, maxAliases));
        }

        if (options.MaxDirectives is not null || options.MaxDirectivesPerField is not null)
        {
            var (maxDirectives, maxPerField) = (options.MaxDirectives, options.MaxDirectivesPerField);
            rules.Add(c => new MaxDirectivesRule(c, maxDirectives, maxPerField));
        }

        if (options.MaxFieldCost is { } maxFieldCost)
        {
            var defaultListSize = options.DefaultListSize;
            rules.Add(c => new MaxCostRule(c, maxFieldCost, defaultListSize));
        }

        return rules;
    }
}
