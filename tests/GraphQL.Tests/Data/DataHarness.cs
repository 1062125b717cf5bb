using System.Text.Json;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Tests.Execution;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Data;

/// <summary>Runs documents against the catalog schema through validation and the real executor.</summary>
internal static class DataHarness
{
    public static Schema Schema { get; } = SchemaBuilder.New().AddQueryType<CatalogQuery>().Create();

    public static async Task<JsonElement> RunAsync(string query, IServiceProvider? services = null, Schema? schema = null)
    {
        schema ??= Schema;
        var document = Parser.Parse(query);
        var errors = DocumentValidator.Validate(schema, document);
        var result = errors.Count > 0
            ? ExecutionResult.FromErrors(errors)
            : await Executor.ExecuteAsync(new ExecutionRequest { Schema = schema, Document = document, Services = services }, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(ExecutorTests.Write(result)).RootElement.Clone();
    }

    /// <summary>The <c>id</c>s of a list of objects, in order.</summary>
    public static int[] Ids(JsonElement list) => [.. list.EnumerateArray().Select(e => e.GetProperty("id").GetInt32())];

    /// <summary>The one error's <c>extensions.code</c> (and that there is exactly one error).</summary>
    public static string ErrorCode(JsonElement result) =>
        Assert.Single(result.GetProperty("errors").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString()!;
}
