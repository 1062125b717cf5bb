using System.Text.Json;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Validation.Differential;

/// <summary>
/// Differential test against graphql-js (tests/oracle/validate-corpus.mjs, version pinned in its package.json): for
/// every document of <see cref="ValidationCorpus"/>, the same validity, the same error messages in the same
/// order and at the same locations (or the same syntax error).
/// </summary>
public sealed class ValidationOracleTests
{
    private const int Generated = 600;
    private const int Mutated = 600;

    [Fact]
    public async Task Validation_errors_match_graphql_js_document_by_document()
    {
        var schema = SchemaBuilder.FromSdl(DifferentialSchema.Sdl).Create();
        var corpus = ValidationCorpus.Build(schema, Generated, Mutated);
        string corpusFile = Path.GetTempFileName();
        try
        {
            var input = new { schema = DifferentialSchema.Sdl, documents = corpus.Select(e => e.Document).ToList() };
            await File.WriteAllTextAsync(corpusFile, JsonSerializer.Serialize(input), TestContext.Current.CancellationToken);
            using var expected = JsonDocument.Parse(await GraphQLJs.RunAsync("validate-corpus.mjs", corpusFile));
            Assert.Equal(corpus.Count, expected.RootElement.GetArrayLength());

            var mismatches = new List<string>();
            var stillKnown = new List<string>();
            var fixedKnown = new List<string>();
            int invalid = 0;
            for (int i = 0; i < corpus.Count; i++)
            {
                var entry = corpus[i];
                string theirs = Describe(expected.RootElement[i]);
                string ours = Run(schema, entry.Document);
                invalid += theirs.StartsWith("valid", StringComparison.Ordinal) ? 0 : 1;
                bool same = theirs == ours;
                if (entry.KnownDifference is null && !same)
                {
                    mismatches.Add($"{entry.Id}:\n{entry.Document}\n  graphql-js: {theirs}\n  ours:       {ours}");
                }
                else if (entry.KnownDifference is not null)
                {
                    (same ? fixedKnown : stillKnown).Add(entry.Id);
                }
            }

            // For triage: VOTING_VALIDATION_DIFF=<file> writes every mismatch, not only the first 20.
            if (Environment.GetEnvironmentVariable("VOTING_VALIDATION_DIFF") is { Length: > 0 } report)
            {
                await File.WriteAllTextAsync(report, string.Join("\n\n=====\n", mismatches), TestContext.Current.CancellationToken);
            }

            Assert.True(
                mismatches.Count == 0,
                $"{mismatches.Count} of {corpus.Count} documents validate differently from graphql-js (first 20):\n\n" + string.Join("\n\n", mismatches.Take(20)));
            Assert.True(
                fixedKnown.Count == 0,
                "These documents now agree with graphql-js: remove them from ValidationCorpus.KnownDifferences: " + string.Join(", ", fixedKnown));
            int valid = corpus.Count - invalid;
            Assert.True(
                corpus.Count >= 1000 && valid >= 200 && invalid >= 300,
                $"The corpus should hold 1,000 documents, a fair share of them valid and invalid: {corpus.Count}, {valid} valid, {invalid} invalid.");
        }
        finally
        {
            File.Delete(corpusFile);
        }
    }

    private static string Describe(JsonElement result)
    {
        if (result.TryGetProperty("syntaxError", out var syntax))
        {
            return "syntax error: " + DescribeError(syntax);
        }

        var errors = result.GetProperty("errors").EnumerateArray().Select(DescribeError).ToList();
        return errors.Count == 0 ? "valid" : "errors:\n    " + string.Join("\n    ", errors);
    }

    private static string DescribeError(JsonElement error) =>
        error.GetProperty("message").GetString() + " @ "
        + string.Join(", ", error.GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("line").GetInt32()}:{l.GetProperty("column").GetInt32()}"));

    private static string Run(Schema schema, string document)
    {
        IReadOnlyList<GraphQLError> errors;
        try
        {
            errors = DocumentValidator.Validate(schema, Parser.Parse(document));
        }
        catch (GraphQLSyntaxException exception)
        {
            return "syntax error: " + Describe(exception.Error);
        }

        return errors.Count == 0 ? "valid" : "errors:\n    " + string.Join("\n    ", errors.Select(Describe));
    }

    private static string Describe(GraphQLError error) =>
        error.Message + " @ " + string.Join(", ", error.Locations.Select(l => $"{l.Line}:{l.Column}"));
}
