using System.Text.Json;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Validation;

/// <summary>
/// When VALIDATION_ORACLE_LOG names a file, every harness run is appended to it as a JSON line (the
/// schema's SDL, the query, the rule and our errors), so tests/oracle/validate.mjs can run graphql-js
/// on the same inputs and list every difference in messages and locations.
/// </summary>
internal static class OracleLog
{
    private static readonly Lock Gate = new();

    public static void Record(Schema schema, string query, string rule, IReadOnlyList<GraphQLError> errors)
    {
        var path = Environment.GetEnvironmentVariable("VALIDATION_ORACLE_LOG");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var line = JsonSerializer.Serialize(new
        {
            sdl = SchemaPrinter.Print(schema),
            query,
            rule,
            test = TestContext.Current.Test?.TestDisplayName,
            errors = errors.Select(e => new { message = e.Message, locations = e.Locations.Select(l => new { line = l.Line, column = l.Column }) }),
        });
        lock (Gate)
        {
            File.AppendAllText(path, line + "\n");
        }
    }
}
