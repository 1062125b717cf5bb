using System.Text.Json;
using Voting.GraphQL.Language;

namespace Voting.GraphQL.Tests.Language;

/// <summary>
/// Differential test against graphql-js (tests/oracle, version pinned in its package.json): for every document
/// of the corpus, the same printed text, or the same syntax error message at the same location.
/// </summary>
public sealed class PrinterOracleTests
{
    [Fact]
    public async Task Printed_documents_and_syntax_errors_match_graphql_js()
    {
        var corpus = LanguageCorpus.All(generated: 300, mutated: 500, seed: 20250901).ToList();
        string corpusFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(corpusFile, JsonSerializer.Serialize(corpus), TestContext.Current.CancellationToken);
            using var expected = JsonDocument.Parse(await GraphQLJs.RunAsync("print.mjs", corpusFile));
            Assert.Equal(corpus.Count, expected.RootElement.GetArrayLength());

            var differences = new List<string>();
            int printed = 0;
            for (int i = 0; i < corpus.Count; i++)
            {
                var want = expected.RootElement[i];
                string wantText = want.TryGetProperty("printed", out var text)
                    ? "printed:\n" + text.GetString()
                    : "error: " + want.GetProperty("error").GetProperty("message").GetString() + " at "
                        + string.Join(", ", want.GetProperty("error").GetProperty("locations").EnumerateArray().Select(l => $"{l.GetProperty("line").GetInt32()}:{l.GetProperty("column").GetInt32()}"));
                string gotText = Run(corpus[i]);
                printed += wantText.StartsWith("printed", StringComparison.Ordinal) ? 1 : 0;
                if (wantText != gotText)
                {
                    differences.Add($"#{i} {JsonSerializer.Serialize(corpus[i])}\n  graphql-js {wantText}\n  ours       {gotText}");
                }
            }

            Assert.True(differences.Count == 0, $"{differences.Count} of {corpus.Count} documents differ from graphql-js:\n" + string.Join("\n", differences.Take(15)));
            Assert.True(corpus.Count >= 300 && printed >= 150, $"The corpus should hold 300 documents, half valid: {corpus.Count}, {printed} valid.");
        }
        finally
        {
            File.Delete(corpusFile);
        }
    }

    private static string Run(string source)
    {
        try
        {
            return "printed:\n" + Printer.Print(Parser.Parse(source));
        }
        catch (GraphQLSyntaxException exception)
        {
            return "error: " + exception.Error.Message + " at " + string.Join(", ", exception.Error.Locations.Select(l => $"{l.Line}:{l.Column}"));
        }
    }
}
