namespace Voting.GraphQL.Validation;

/// <summary>How <see cref="DocumentValidator"/> runs.</summary>
public sealed class ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// After this many errors validation stops and adds one last error saying so (graphql-js's
    /// <c>maxErrors</c>): a hostile document cannot make the server build an unbounded error list.
    /// </summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Leaves out "Did you mean ...?" hints, which would disclose schema names (graphql-js 17's <c>hideSuggestions</c>).</summary>
    public bool HideSuggestions { get; init; }

    /// <summary>The rules to run; null means <see cref="SpecifiedRules.All"/>.</summary>
    public IReadOnlyList<Func<ValidationContext, ValidationRule>>? Rules { get; init; }

    internal void Validate()
    {
        if (MaxErrors < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxErrors), MaxErrors, "MaxErrors must be at least 1.");
        }
    }
}
