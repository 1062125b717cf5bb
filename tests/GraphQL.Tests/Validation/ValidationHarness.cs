using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Validation;

/// <summary>
/// Runs one rule over a document against <see cref="TestSchema"/> and compares the errors, message
/// and locations, exactly: the shape of graphql-js's validation test harness.
/// </summary>
internal static class ValidationHarness
{
    public static IReadOnlyList<GraphQLError> Validate(Func<ValidationContext, ValidationRule> rule, string query, Schema? schema = null)
    {
        string? ruleName = null;
        var errors = DocumentValidator.Validate(schema ?? TestSchema.Instance, Parser.Parse(query), new ValidationOptions
        {
            Rules = [c => { var instance = rule(c); ruleName = instance.GetType().Name; return instance; }],
        });
        OracleLog.Record(schema ?? TestSchema.Instance, query, ruleName!, errors);
        return errors;
    }

    public static void ExpectValid(Func<ValidationContext, ValidationRule> rule, string query, Schema? schema = null) =>
        ExpectErrors(rule, query, schema);

    public static void ExpectErrors(Func<ValidationContext, ValidationRule> rule, string query, params (string Message, (int Line, int Column)[] Locations)[] expected) =>
        ExpectErrors(rule, query, null, expected);

    public static void ExpectErrors(Func<ValidationContext, ValidationRule> rule, string query, Schema? schema, params (string Message, (int Line, int Column)[] Locations)[] expected)
    {
        var errors = Validate(rule, query, schema);
        Assert.Equal(
            expected.Select(e => Describe(e.Message, e.Locations)).ToList(),
            errors.Select(e => Describe(e.Message, [.. e.Locations.Select(l => (l.Line, l.Column))])).ToList());
    }

    public static (string, (int, int)[]) Error(string message, params (int, int)[] locations) => (message, locations);

    private static string Describe(string message, (int Line, int Column)[] locations) =>
        message + " @ " + string.Join(", ", locations.Select(l => $"{l.Line}:{l.Column}"));
}
