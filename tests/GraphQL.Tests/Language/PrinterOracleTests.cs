using System.Diagnostics;
using System.Text;
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
        string oracle = Path.Combine(RepositoryRoot(), "tests", "oracle");
        if (!File.Exists(Path.Combine(oracle, "node_modules", "graphql", "package.json")))
        {
            Assert.Fail("graphql-js is not installed in tests/oracle/node_modules: run ./test.sh, which installs it (or `npm ci` in tests/oracle).");
        }

        var corpus = LanguageCorpus.All(generated: 300, mutated: 500, seed: 20250901).ToList();
        string corpusFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(corpusFile, JsonSerializer.Serialize(corpus), TestContext.Current.CancellationToken);
            using var expected = JsonDocument.Parse(await RunOracleAsync(oracle, corpusFile));
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

    private static async Task<string> RunOracleAsync(string oracle, string corpusFile)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = oracle,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("print.mjs");
        start.ArgumentList.Add(corpusFile);
        Process? started = null;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail("Node.js is needed to run graphql-js (tests/oracle): " + exception.Message + ". Run ./test.sh on a machine with node.");
        }

        using var node = started ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(node.ExitCode == 0, $"node print.mjs failed ({node.ExitCode}): {await errors}");
        return await output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tests", "oracle", "print.mjs")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("tests/oracle/print.mjs not found above " + AppContext.BaseDirectory);
    }
}
