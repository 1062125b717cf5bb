using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Server;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Server;

/// <summary>GraphQL over HTTP (draft) as the endpoint answers it: media types, methods and status codes.</summary>
public sealed class GraphQLHttpHandlerTests
{
    private const string Json = "application/json";
    private const string GraphQLResponseJson = "application/graphql-response+json";

    [Theory]
    [InlineData(Json, Json)]
    [InlineData(GraphQLResponseJson, GraphQLResponseJson)]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", Json)]
    [InlineData("application/graphql-response+json;q=0.5, */*", Json)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponseJson)]
    [InlineData("text/html, application/json;charset=utf-8", Json)]
    [InlineData("application/graphql-response+json;charset=UTF-8", GraphQLResponseJson)]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0.1", Json)]
    public async Task Accept_picks_the_response_media_type(string? accept, string expected)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "{ answer }" }, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.MediaType());
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.Equal(42, (await response.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/json;charset=iso-8859-1")]
    [InlineData("application/json;q=0")]
    [InlineData("text/html")]
    public async Task An_Accept_the_server_cannot_meet_gives_406(string accept)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "{ answer }" }, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/graphql")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_POST_body_that_is_not_UTF8_JSON_gives_415(string? contentType)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostRawAsync("""{"query":"{ answer }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("Application/JSON")]
    public async Task JSON_bodies_with_or_without_a_UTF8_charset_are_accepted(string contentType)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostRawAsync("""{"query":"{ hello(name: \"Run🏃Swim🏊\") }"}""", contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, Run🏃Swim🏊!", (await response.JsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("{ \"not a JSON")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"query\"")]
    [InlineData("""{"query":"{ answer }"} {}""")]
    [InlineData("""{"notquery":"{ answer }"}""")]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"query":{"obj":"ect"}}""")]
    [InlineData("""{"query":0}""")]
    [InlineData("""{"query":false}""")]
    [InlineData("""{"query":["array"]}""")]
    [InlineData("""{"query":"{ answer }","operationName":0}""")]
    [InlineData("""{"query":"{ answer }","operationName":{}}""")]
    [InlineData("""{"query":"{ answer }","variables":"string"}""")]
    [InlineData("""{"query":"{ answer }","variables":[]}""")]
    [InlineData("""{"query":"{ answer }","variables":0}""")]
    [InlineData("""{"query":"{ answer }","extensions":"string"}""")]
    [InlineData("""{"query":"{ answer }","extensions":false}""")]
    public async Task A_malformed_request_gives_400_for_both_media_types(string body)
    {
        await using var host = await GraphQLTestHost.StartAsync();
        foreach (var accept in new[] { Json, GraphQLResponseJson })
        {
            using var response = await host.PostRawAsync(body, Json, accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(accept, response.MediaType());
            var json = await response.JsonAsync();
            Assert.Equal(ErrorCodes.BadRequest, json.FirstCode());
            Assert.False(json.TryGetProperty("data", out _));
        }
    }

    [Theory]
    [InlineData("variables")]
    [InlineData("operationName")]
    [InlineData("extensions")]
    public async Task Null_optional_parameters_are_allowed(string parameter)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostRawAsync($$"""{"query":"{ answer }","{{parameter}}":null}""", Json, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.JsonAsync()).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Variables_operation_name_and_extensions_reach_the_execution()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new
        {
            query = "query A { answer } query B($v: Int!) { echo(value: $v) }",
            operationName = "B",
            variables = new { v = 7 },
            extensions = new { some = "value" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, (await response.JsonAsync()).GetProperty("data").GetProperty("echo").GetInt32());
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task A_document_that_does_not_parse_is_a_request_error(string accept, HttpStatusCode status)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "{" }, accept);

        Assert.Equal(status, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal(ErrorCodes.ParseFailed, json.FirstCode());
        var error = json.GetProperty("errors")[0];
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(2, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task A_document_that_does_not_validate_is_a_request_error_without_the_rule_name(string accept, HttpStatusCode status)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "{ nope }" }, accept);

        Assert.Equal(status, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.False(json.TryGetProperty("data", out _));
        var error = json.GetProperty("errors")[0];
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", error.GetProperty("message").GetString());
        Assert.Equal(3, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
        var extensions = error.GetProperty("extensions");
        Assert.Equal(ErrorCodes.ValidationFailed, extensions.GetProperty("code").GetString());
        Assert.False(extensions.TryGetProperty("rule", out _));
    }

    [Theory]
    [InlineData(Json, HttpStatusCode.OK)]
    [InlineData(GraphQLResponseJson, HttpStatusCode.BadRequest)]
    public async Task Variables_that_do_not_coerce_are_a_request_error(string accept, HttpStatusCode status)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "query($v: Int!) { echo(value: $v) }", variables = new { v = (int?)null } }, accept);

        Assert.Equal(status, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.False(json.TryGetProperty("data", out _));
        Assert.Equal(ErrorCodes.BadUserInput, json.FirstCode());
    }

    [Fact]
    public async Task A_field_error_with_data_answers_200_for_graphql_response_json()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "{ answer refused }" }, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(42, json.GetProperty("data").GetProperty("answer").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").GetProperty("refused").ValueKind);
        Assert.Equal("FORBIDDEN", json.FirstCode());
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLResponseJson)]
    public async Task GET_runs_a_query_from_the_query_string(string accept)
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var variables = Uri.EscapeDataString("""{"v":5}""");
        var query = Uri.EscapeDataString("query Q($v: Int!) { echo(value: $v) }");

        using var response = await host.GetAsync($"/graphql?query={query}&variables={variables}&operationName=Q", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(accept, response.MediaType());
        Assert.Equal(5, (await response.JsonAsync()).GetProperty("data").GetProperty("echo").GetInt32());
    }

    [Theory]
    [InlineData("variables=%22string%22")]
    [InlineData("variables=%5B%5D")]
    [InlineData("variables=%7Bnot-json")]
    [InlineData("extensions=0")]
    [InlineData("query=%7B%20answer%20%7D")]
    public async Task A_malformed_GET_gives_400(string extra)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.GetAsync($"/graphql?query=%7B%20answer%20%7D&{extra}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.BadRequest, (await response.JsonAsync()).FirstCode());
    }

    [Theory]
    [InlineData(Json)]
    [InlineData(GraphQLResponseJson)]
    public async Task A_mutation_over_GET_gives_405_allowing_POST(string accept)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { increment }"), accept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Equal(ErrorCodes.OperationNotAllowed, (await response.JsonAsync()).FirstCode());
    }

    [Fact]
    public async Task GET_may_pick_the_query_of_a_document_that_also_holds_a_mutation()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.GetAsync("/graphql?operationName=Q&query=" + Uri.EscapeDataString("query Q { answer } mutation M { increment }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(42, (await response.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
    }

    [Fact]
    public async Task The_mutation_runs_over_POST()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { query = "mutation { increment(by: 2) }" });

        Assert.Equal(3, (await response.JsonAsync()).GetProperty("data").GetProperty("increment").GetInt32());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_give_405_allowing_GET_and_POST(string method)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/graphql"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_GET_without_a_query_gives_400()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.GetAsync("/graphql");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.BadRequest, (await response.JsonAsync()).FirstCode());
    }

    [Theory]
    [InlineData(Json, "application/json; charset=utf-8")]
    [InlineData(GraphQLResponseJson, "application/graphql-response+json; charset=utf-8")]
    public async Task A_body_larger_than_the_limit_gives_413_by_its_length(string accept, string contentType)
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.MaxRequestBytes = 64));

        using var response = await host.PostAsync(new { query = "{ hello(name: \"" + new string('x', 100) + "\") }" }, accept);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(ErrorCodes.RequestTooLarge, (await response.JsonAsync()).FirstCode());
    }

    [Fact]
    public async Task A_chunked_body_larger_than_the_limit_gives_413_while_reading()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.MaxRequestBytes = 64));
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{ hello(name: \\\"" + new string('x', 200) + "\\\") }\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new UnknownLengthContent(body) };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ErrorCodes.RequestTooLarge, (await response.JsonAsync()).FirstCode());
    }

    [Fact]
    public async Task A_body_at_the_limit_is_read()
    {
        var body = """{"query":"{ answer }"}""";
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.MaxRequestBytes = body.Length));

        using var response = await host.PostRawAsync(body, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Too_many_tokens_give_MAX_TOKENS_EXCEEDED()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.MaxTokens = 5));

        using var response = await host.PostAsync(new { query = "{ a b c d e f }" }, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(ErrorCodes.MaxTokensExceeded, json.FirstCode());
        Assert.Equal("Syntax Error: Document contains more than 5 tokens. Parsing aborted.", json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validation_stops_at_the_error_limit_with_its_own_code()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.MaxValidationErrors = 2));

        using var response = await host.PostAsync(new { query = "{ a b c d }" });

        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(3, errors.GetArrayLength());
        Assert.Equal(ErrorCodes.ValidationFailed, errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(ErrorCodes.MaxValidationErrorsExceeded, errors[2].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_SDL_is_served_as_text_at_GET_sdl()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.GetAsync("/graphql?sdl", accept: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.MediaType());
        var sdl = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(SchemaPrinter.Print(host.Executor.Schema), sdl);
        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusFor_maps_every_outcome()
    {
        var noData = ExecutionResult.FromErrors([new GraphQLError("x")]);

        Assert.Equal(StatusCodes.Status400BadRequest, Status(RequestOutcomeKind.Malformed, ResponseMediaType.Json));
        Assert.Equal(StatusCodes.Status405MethodNotAllowed, Status(RequestOutcomeKind.MutationOverGet, ResponseMediaType.GraphQLResponseJson));
        Assert.Equal(StatusCodes.Status200OK, Status(RequestOutcomeKind.DocumentFailed, ResponseMediaType.Json));
        Assert.Equal(StatusCodes.Status400BadRequest, Status(RequestOutcomeKind.DocumentFailed, ResponseMediaType.GraphQLResponseJson));
        Assert.Equal(StatusCodes.Status400BadRequest, Status(RequestOutcomeKind.Executed, ResponseMediaType.GraphQLResponseJson));
        Assert.Equal(StatusCodes.Status200OK, Status(RequestOutcomeKind.Executed, ResponseMediaType.Json));

        int Status(RequestOutcomeKind kind, ResponseMediaType mediaType) =>
            GraphQLHttpHandler.StatusFor(new RequestOutcome(kind, noData), mediaType);
    }

    /// <summary>A body sent without Content-Length, so only reading it can tell its size.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
