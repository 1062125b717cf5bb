using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Execution.Differential;

/// <summary>
/// Differential test against graphql-js (tests/oracle/execute-corpus.mjs, version pinned in its package.json): the
/// oracle generates requests from a fixed seed (documents graphql-js's validate accepts, with variables and an
/// operation name), runs them with resolvers that compute the same data on both sides, and for every request our
/// executor must give the same result after JSON normalisation: the same <c>data</c> (or none, for a request
/// error) with keys in the same order, and the same errors by path, message and locations, in any order (the
/// order of field errors follows which resolver finishes first).
/// </summary>
public sealed class ExecutionOracleTests
{
    private const int Seed = 4;
    private const int Count = 1200;

    [Fact]
    public async Task Execution_results_match_graphql_js_request_by_request()
    {
        var schema = SchemaBuilder.FromSdl(ExecutionSchema.Sdl).BindResolvers(ExecutionResolvers.Map).Create();
        using var corpus = JsonDocument.Parse(await RunOracleAsync());
        var requests = corpus.RootElement.EnumerateArray().ToList();

        var mismatches = new List<string>();
        var shape = new CorpusShape();
        int racedErrors = 0;
        for (int i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            string document = request.GetProperty("document").GetString()!;
            string? operationName = request.TryGetProperty("operationName", out var name) ? name.GetString() : null;
            var variables = (IReadOnlyDictionary<string, object?>?)JsonValues.FromElement(request.GetProperty("variables"));
            var theirs = request.GetProperty("result");
            shape.Count(document, theirs);

            var (ours, problem) = await RunAsync(schema, document, operationName, variables);
            using (ours)
            {
                if (problem is null && NormalisedResult.Agree(theirs, ours!.RootElement, out int raced))
                {
                    racedErrors += raced;
                    continue;
                }

                string expected = NormalisedResult.Describe(theirs);
                string actual = problem ?? NormalisedResult.Describe(ours!.RootElement);
                string variablesJson = request.GetProperty("variables").GetRawText();
                mismatches.Add($"#{i} operationName: {operationName ?? "(none)"}, variables: {variablesJson}\n{document}\n--- graphql-js:\n{expected}\n--- ours:\n{actual}");
            }
        }

        // For triage: VOTING_EXECUTION_DIFF=<file> writes every mismatch, not only the first 10.
        if (Environment.GetEnvironmentVariable("VOTING_EXECUTION_DIFF") is { Length: > 0 } report)
        {
            string header = $"{requests.Count} requests, {mismatches.Count} mismatches, {racedErrors} errors raced a null\n\n=====\n";
            await File.WriteAllTextAsync(report, header + string.Join("\n\n=====\n", mismatches), TestContext.Current.CancellationToken);
        }

        Assert.True(
            mismatches.Count == 0,
            $"{mismatches.Count} of {requests.Count} requests execute differently from graphql-js (first 10):\n\n" + string.Join("\n\n=====\n", mismatches.Take(10)));
        Assert.True(shape.IsBroad(requests.Count), $"The corpus should cover every kind of result: {shape} ({racedErrors} errors raced a null)");
    }

    /// <summary>Our result as JSON (as ExecutionResultWriter writes it), or a description of what went wrong before there was one.</summary>
    private static async Task<(JsonDocument? Result, string? Problem)> RunAsync(Schema schema, string document, string? operationName, IReadOnlyDictionary<string, object?>? variables)
    {
        var parsed = Parser.Parse(document);
        var errors = DocumentValidator.Validate(schema, parsed);
        if (errors.Count > 0)
        {
            return (null, "our validation rejects it: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        ExecutionResult result;
        try
        {
            result = await Executor.ExecuteAsync(
                new ExecutionRequest
                {
                    Schema = schema,
                    Document = parsed,
                    OperationName = operationName,
                    VariableValues = variables,
                    RootValue = new ExecutionRoot(),
                },
                TestContext.Current.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, "ExecuteAsync threw " + exception);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        return (JsonDocument.Parse(buffer.WrittenMemory), null);
    }

    private static async Task<string> RunOracleAsync()
    {
        string input = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(
                input,
                JsonSerializer.Serialize(new { schema = ExecutionSchema.Sdl, seed = CorpusSeed(), count = Count }),
                TestContext.Current.CancellationToken);
            return await GraphQLJs.RunAsync("execute-corpus.mjs", input);
        }
        finally
        {
            File.Delete(input);
        }
    }

    // For exploring: VOTING_EXECUTION_SEED=<n> runs another corpus than the one the suite pins.
    private static int CorpusSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("VOTING_EXECUTION_SEED"), CultureInfo.InvariantCulture, out int seed) ? seed : Seed;

    /// <summary>How many requests of each kind graphql-js's results show, so a generator change cannot hollow the corpus out.</summary>
    private sealed class CorpusShape
    {
        private int _requestErrors;
        private int _nullData;
        private int _partial;
        private int _clean;
        private int _mutations;

        public void Count(string document, JsonElement result)
        {
            if (!result.TryGetProperty("data", out var data))
            {
                _requestErrors++;
            }
            else if (data.ValueKind == JsonValueKind.Null)
            {
                _nullData++;
            }
            else if (result.TryGetProperty("errors", out _))
            {
                _partial++;
            }
            else
            {
                _clean++;
            }

            _mutations += document.Contains("mutation", StringComparison.Ordinal) ? 1 : 0;
        }

        public bool IsBroad(int total) =>
            total >= 1000 && _requestErrors >= 50 && _nullData >= 50 && _partial >= 200 && _clean >= 200 && _mutations >= 150;

        public override string ToString() =>
            $"{_requestErrors} request errors, {_nullData} with data null, {_partial} partial, {_clean} without errors, {_mutations} with a mutation";
    }
}
