using System.Globalization;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;

namespace Voting.GraphQL.Validation.Limits;

/// <summary>
/// The one error a limit rule reports for an operation: the limit and the observed value in the message
/// and in <c>extensions</c> (under <c>maximum</c> and the measure's name), its own <c>code</c>, and the
/// rule's name as every validation error carries it.
/// </summary>
internal static class LimitError
{
    public const string MaximumExtension = "maximum";

    public static GraphQLError Create(
        string rule,
        string message,
        string code,
        string measure,
        object observed,
        object maximum,
        params IEnumerable<Node?> nodes) =>
        new(
            message,
            [.. nodes.Where(n => n?.Location is not null).Select(n => n!.Location!.Value.StartLocation).Distinct()],
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = code,
                [measure] = observed,
                [MaximumExtension] = maximum,
                [DocumentValidator.RuleExtension] = rule,
            });

    /// <summary><c>operation "Name"</c>, or <c>the anonymous operation</c>.</summary>
    public static string Describe(OperationDefinitionNode operation) =>
        operation.Name is { } name ? $"operation \"{name.Value}\"" : "the anonymous operation";

    // Saturated costs (a list of lists of lists ...) would print hundreds of digits.
    public static string Format(double value) =>
        value.ToString(value < 1e15 ? "#,0.##" : "0.###E+0", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
