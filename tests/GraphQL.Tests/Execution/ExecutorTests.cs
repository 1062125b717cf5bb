using System.Text;
using System.Text.Json;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;

namespace Voting.GraphQL.Tests.Execution;

public sealed class ExecutorTests
{
    private const string Sdl = """
        type Query {
          hello: String!
          election(id: ID!): Election
          elections(first: Int = 2): [Election!]!
          nullableElections: [Election]
          failing: String
          failingNonNull: String!
          search(text: String!): [SearchResult!]!
          slow(ms: Int!): Int!
        }
        type Mutation { increment(by: Int! = 1): Int! }
        interface Node { id: ID! }
        type Election implements Node { id: ID! title: String! status: Status! candidates: [Candidate!]! brokenTitle: String! }
        type Candidate implements Node { id: ID! name: String! votes: Int }
        union SearchResult = Election | Candidate
        enum Status { DRAFT OPEN CLOSED }
        """;

    private static Schema BuildSchema(Func<int>? increment = null) => SchemaBuilder.FromSdl(Sdl)
        .BindResolver("Query", "hello", _ => new("world"))
        .BindResolver("Query", "election", c => new(c.TryGetArgument("id", out var id) && (string)id! == "e1" ? Election("e1") : null))
        .BindResolver("Query", "elections", c => { c.TryGetArgument("first", out var first); return new(Enumerable.Range(1, (int)first!).Select(i => Election("e" + i)).ToList()); })
        .BindResolver("Query", "nullableElections", _ => new(new List<object?> { Election("e1"), new Dictionary<string, object?> { ["id"] = "bad" }, null }))
        .BindResolver("Query", "failing", _ => throw new GraphQLException("no luck", "NO_LUCK"))
        .BindResolver("Query", "failingNonNull", _ => throw new InvalidOperationException("secret detail"))
        .BindResolver("Query", "search", _ => new(new List<object?> { Election("e1"), Candidate("c9") }))
        .BindResolver("Query", "slow", async c => { c.TryGetArgument("ms", out var ms); await Task.Delay((int)ms!, c.CancellationToken); return (object?)ms; })
        .BindResolver("Mutation", "increment", c => new((increment ?? (() => 1))()))
        .Create();

    private static Dictionary<string, object?> Election(string id) => new()
    {
        ["__typename"] = "Election",
        ["id"] = id,
        ["title"] = "Election " + id,
        ["status"] = "OPEN",
        ["candidates"] = new List<object?> { Candidate(id + "-a"), Candidate(id + "-b") },
        ["brokenTitle"] = null,
    };

    private static Dictionary<string, object?> Candidate(string id) => new() { ["__typename"] = "Candidate", ["id"] = id, ["name"] = "Name " + id, ["votes"] = 3 };

    internal static Task<string> ExecuteAsync(Schema schema, string query) => RunAsync(query, schema);

    private static async Task<string> RunAsync(string query, Schema? schema = null, string? variablesJson = null, ExecutionOptions? options = null, string? operationName = null)
    {
        schema ??= BuildSchema();
        var document = Parser.Parse(query);
        Assert.Empty(DocumentValidator.Validate(schema, document));
        var variables = variablesJson is null ? null : (IReadOnlyDictionary<string, object?>?)JsonValues.FromElement(JsonDocument.Parse(variablesJson).RootElement);
        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = schema,
            Document = document,
            VariableValues = variables,
            OperationName = operationName,
            Options = options ?? ExecutionOptions.Default,
        }, TestContext.Current.CancellationToken);
        return Write(result);
    }

    internal static string Write(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task A_query_returns_fields_in_selection_order_with_aliases_and_fragments()
    {
        var json = await RunAsync("{ b: hello election(id: \"e1\") { ...F title } hello } fragment F on Election { id status }");

        Assert.Equal("""{"data":{"b":"world","election":{"id":"e1","status":"OPEN","title":"Election e1"},"hello":"world"}}""", json);
    }

    [Fact]
    public async Task Skip_and_include_follow_variables()
    {
        var json = await RunAsync(
            "query($s: Boolean!, $i: Boolean = false) { hello @skip(if: $s) election(id: \"e1\") @include(if: $i) { id } a: hello @include(if: true) }",
            variablesJson: """{"s": true}""");

        Assert.Equal("""{"data":{"a":"world"}}""", json);
    }

    [Fact]
    public async Task A_failing_non_null_field_nulls_the_nearest_nullable_parent_and_reports_once()
    {
        var json = await RunAsync("{ election(id: \"e1\") { id brokenTitle } hello }");

        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Election.brokenTitle.","locations":[{"line":1,"column":27}],"path":["election","brokenTitle"],"extensions":{"code":"NON_NULL_VIOLATION"}}],"data":{"election":null,"hello":"world"}}""",
            json);
    }

    [Fact]
    public async Task An_item_that_fails_nulls_itself_in_a_nullable_list()
    {
        var json = await RunAsync("{ nullableElections { id title } }");

        Assert.Contains("\"data\":{\"nullableElections\":[{\"id\":\"e1\",\"title\":\"Election e1\"},null,null]}", json, StringComparison.Ordinal);
        Assert.Contains("\"path\":[\"nullableElections\",1,\"title\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_null_root_failure_makes_data_null()
    {
        var json = await RunAsync("{ hello failingNonNull }");

        Assert.Equal(
            """{"errors":[{"message":"Unexpected Execution Error","locations":[{"line":1,"column":9}],"path":["failingNonNull"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}""",
            json);
    }

    [Fact]
    public async Task Exception_details_are_shown_only_when_asked()
    {
        var json = await RunAsync("{ failingNonNull }", options: new ExecutionOptions { IncludeExceptionDetails = true });

        Assert.Contains("secret detail", json, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graphql_exception_keeps_its_message_and_code()
    {
        var json = await RunAsync("{ failing hello }");

        Assert.Equal(
            """{"errors":[{"message":"no luck","locations":[{"line":1,"column":3}],"path":["failing"],"extensions":{"code":"NO_LUCK"}}],"data":{"failing":null,"hello":"world"}}""",
            json);
    }

    [Fact]
    public async Task Abstract_types_resolve_by_typename()
    {
        var json = await RunAsync("{ search(text: \"x\") { __typename ... on Node { id } ... on Election { title } ... on Candidate { name } } }");

        Assert.Equal("""{"data":{"search":[{"__typename":"Election","id":"e1","title":"Election e1"},{"__typename":"Candidate","id":"c9","name":"Name c9"}]}}""", json);
    }

    [Fact]
    public async Task Argument_defaults_and_lists_complete()
    {
        var json = await RunAsync("{ elections { id candidates { id } } }");

        Assert.Equal("""{"data":{"elections":[{"id":"e1","candidates":[{"id":"e1-a"},{"id":"e1-b"}]},{"id":"e2","candidates":[{"id":"e2-a"},{"id":"e2-b"}]}]}}""", json);
    }

    [Fact]
    public async Task Invalid_variables_are_a_request_error_without_data()
    {
        var json = await RunAsync("query($id: ID!) { election(id: $id) { id } }", variablesJson: """{"id": {"x": 1}}""");

        Assert.StartsWith("""{"errors":[{"message":"Variable \u0022$id\u0022 has invalid value""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", json, StringComparison.Ordinal);
        Assert.Contains("BAD_USER_INPUT", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_variable_is_a_request_error()
    {
        var json = await RunAsync("query($id: ID!) { election(id: $id) { id } }", variablesJson: "{}");

        Assert.Contains("Variable \\u0022$id\\u0022 has invalid value: Expected a value of non-null type \\u0022ID!\\u0022 to be provided.", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_operations_need_a_name()
    {
        const string Document = "query A { hello } query B { election(id: \"e1\") { id } }";

        Assert.Contains("Must provide operation name if query contains multiple operations.", await RunAsync(Document), StringComparison.Ordinal);
        Assert.Equal("""{"data":{"election":{"id":"e1"}}}""", await RunAsync(Document, operationName: "B"));
        Assert.Contains("Unknown operation named \\u0022C\\u0022.", await RunAsync(Document, operationName: "C"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_fields_run_one_after_another()
    {
        var counter = 0;
        var schema = BuildSchema(() => Interlocked.Increment(ref counter));

        var json = await RunAsync("mutation { a: increment b: increment c: increment }", schema);

        Assert.Equal("""{"data":{"a":1,"b":2,"c":3}}""", json);
    }

    [Fact]
    public async Task Async_query_fields_run_concurrently_and_keep_their_order()
    {
        var json = await RunAsync("{ a: slow(ms: 50) b: slow(ms: 1) hello }");

        Assert.Equal("""{"data":{"a":50,"b":1,"hello":"world"}}""", json);
    }

    [Fact]
    public async Task The_time_limit_ends_the_execution_with_its_own_code()
    {
        var json = await RunAsync("{ slow(ms: 10000) }", options: new ExecutionOptions { Timeout = TimeSpan.FromMilliseconds(50) });

        Assert.Contains("EXECUTION_TIMEOUT", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_runs_through_the_executor()
    {
        var json = await RunAsync("{ __type(name: \"Status\") { kind enumValues { name } } __typename }");

        Assert.Equal("""{"data":{"__type":{"kind":"ENUM","enumValues":[{"name":"DRAFT"},{"name":"OPEN"},{"name":"CLOSED"}]},"__typename":"Query"}}""", json);
    }
}
