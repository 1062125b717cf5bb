using System.Text.Json;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Tests.Execution.Differential;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Execution.Subscriptions;

/// <summary>
/// Differential test against graphql-js 17.1's <c>subscribe</c> (tests/oracle/subscribe.mjs, same schema and
/// subscribers as <see cref="TickSchema"/>): for each case the same request error, or the same response events
/// (data, and errors by message, path and locations). Where graphql-js's stream throws, ours ends with one
/// result that carries that message and no data, by design (see <see cref="SubscriptionResult"/>); where
/// graphql-js's <c>subscribe</c> throws (not a subscription operation), ours gives a request error with its message.
/// </summary>
public sealed class SubscribeOracleTests
{
    private static readonly (string Document, string? OperationName, string? Variables)[] Cases =
    [
        ("subscription { ticks(count: 3) { n label } }", null, null),
        ("subscription S($c: Int!) { t: ticks(count: $c) { n loud } }", null, """{"c": 3}"""),
        ("subscription { required(count: 3) { n loud } }", null, null),
        ("subscription { ticks(count: 2) { n ... on Tick { label } __typename } }", null, null),
        ("subscription A { ticks(count: 1) { n } } subscription B { ticks(count: 2) { label } }", "B", null),
        ("subscription A { ticks(count: 1) { n } }", "C", null),
        ("subscription S($c: Int!) { ticks(count: $c) { n } }", null, "{}"),
        ("subscription { refused { n } }", null, null),
        ("subscription { notAStream { n } }", null, null),
        ("subscription { failingSource(count: 2) { n } }", null, null),
        ("query { ok }", null, null),
    ];

    [Fact]
    public async Task Subscribe_matches_graphql_js_case_by_case()
    {
        var schema = TickSchema.Create();
        using var theirs = JsonDocument.Parse(await RunOracleAsync());
        var expected = theirs.RootElement.EnumerateArray().ToList();
        Assert.Equal(Cases.Length, expected.Count);

        var mismatches = new List<string>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var (document, operationName, variables) = Cases[i];
            var ours = await SubscribeAsync(schema, document, operationName, variables);
            if (!Agree(expected[i], ours))
            {
                mismatches.Add($"{document}\n--- graphql-js: {expected[i].GetRawText()}\n--- ours: {string.Join(" | ", ours)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    /// <summary>Ours as JSON lines: one request error, or the response stream's results.</summary>
    private static async Task<List<string>> SubscribeAsync(Schema schema, string document, string? operationName, string? variablesJson)
    {
        var parsed = Parser.Parse(document);
        Assert.Empty(DocumentValidator.Validate(schema, parsed));
        var subscribed = await Executor.SubscribeAsync(
            new ExecutionRequest
            {
                Schema = schema,
                Document = parsed,
                OperationName = operationName,
                VariableValues = variablesJson is null ? null : (IReadOnlyDictionary<string, object?>?)JsonValues.FromElement(JsonDocument.Parse(variablesJson).RootElement),
            },
            TestContext.Current.CancellationToken);
        if (!subscribed.IsStream)
        {
            return [ExecutorTests.Write(subscribed.RequestError)];
        }

        var results = new List<string>();
        await foreach (var result in subscribed.Responses.WithCancellation(TestContext.Current.CancellationToken))
        {
            results.Add(ExecutorTests.Write(result));
        }

        return results;
    }

    private static bool Agree(JsonElement theirs, List<string> ours)
    {
        if (theirs.TryGetProperty("result", out var requestError))
        {
            return ours.Count == 1 && AgreeOne(requestError, ours[0]);
        }

        if (!theirs.TryGetProperty("events", out var events))
        {
            return ours.Count == 1 && IsOnlyError(ours[0], theirs.GetProperty("thrown").GetString()!);
        }

        var expected = events.EnumerateArray().ToList();
        var thrown = theirs.TryGetProperty("thrown", out var message) ? message.GetString() : null;
        if (ours.Count != expected.Count + (thrown is null ? 0 : 1))
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (!AgreeOne(expected[i], ours[i]))
            {
                return false;
            }
        }

        return thrown is null || IsOnlyError(ours[^1], thrown);
    }

    private static bool AgreeOne(JsonElement theirs, string ours)
    {
        using var parsed = JsonDocument.Parse(ours);
        return NormalisedResult.Agree(theirs, parsed.RootElement, out var raced) && raced == 0;
    }

    // A request error (no data) whose one error has graphql-js's message.
    private static bool IsOnlyError(string ours, string message)
    {
        using var parsed = JsonDocument.Parse(ours);
        var root = parsed.RootElement;
        return !root.TryGetProperty("data", out _)
            && root.GetProperty("errors").GetArrayLength() == 1
            && root.GetProperty("errors")[0].GetProperty("message").GetString() == message;
    }

    private static async Task<string> RunOracleAsync()
    {
        var input = Path.GetTempFileName();
        try
        {
            var cases = Cases.Select(c => new
            {
                document = c.Document,
                operationName = c.OperationName,
                variables = c.Variables is null ? (JsonElement?)null : JsonDocument.Parse(c.Variables).RootElement,
            });
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { schema = TickSchema.Sdl, cases }), TestContext.Current.CancellationToken);
            return await GraphQLJs.RunAsync("subscribe.mjs", input);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
