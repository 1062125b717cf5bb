using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Language.Ast;
using Voting.GraphQL.Server;
using Voting.GraphQL.Validation;
using Voting.GraphQL.Validation.Limits;

namespace Voting.GraphQL.Tests.Server;

/// <summary><c>AddGraphQLServer()</c>, its options and the hooks other modules use.</summary>
public sealed class GraphQLServerBuilderTests
{
    [Fact]
    public async Task Types_added_by_several_AddGraphQLServer_calls_make_one_schema()
    {
        await using var host = await GraphQLTestHost.StartAsync(services: s => s.AddGraphQLServer().AddType<ServerTestExtraQuery>());

        Assert.NotNull(host.Executor.Schema.GetType("ServerTestExtraQuery"));
        Assert.NotNull(host.Executor.Schema.MutationType);
    }

    [Fact]
    public async Task The_schema_is_built_once_for_all_requests()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var schema = host.Executor.Schema;

        using (await host.PostAsync(new { query = "{ answer }" }))
        {
        }

        Assert.Same(schema, host.Services.GetRequiredService<GraphQLRequestExecutor>().Schema);
    }

    [Fact]
    public async Task Exception_details_follow_the_environment_unless_configured()
    {
        await using var development = await GraphQLTestHost.StartAsync(environment: "Development");
        await using var production = await GraphQLTestHost.StartAsync(environment: "Production");
        await using var forced = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.IncludeExceptionDetails = true), environment: "Production");

        Assert.True(development.Executor.ExecutionOptions.IncludeExceptionDetails);
        Assert.False(production.Executor.ExecutionOptions.IncludeExceptionDetails);
        Assert.True(forced.Executor.ExecutionOptions.IncludeExceptionDetails);
    }

    [Fact]
    public async Task Known_exceptions_are_translated_and_unexpected_ones_logged_but_hidden()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await GraphQLTestHost.StartAsync(
            s => s.TranslateExceptions(e => e is KeyNotFoundException ? new GraphQLException(e.Message, ErrorCodes.BadUserInput) : null),
            services: s => s.AddLogging(b => b.AddProvider(logs)));

        using var response = await host.PostAsync(new { query = "{ missing crash }" });

        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("path")[0].GetString()!);
        Assert.Equal("No such thing.", errors["missing"].GetProperty("message").GetString());
        Assert.Equal(ErrorCodes.BadUserInput, errors["missing"].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("Unexpected Execution Error", errors["crash"].GetProperty("message").GetString());
        Assert.DoesNotContain("Internal detail.", errors["crash"].GetRawText(), StringComparison.Ordinal);
        var logged = Assert.Single(logs.Entries, e => e.Exception is not null);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("crash", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_execution_timeout_reaches_the_executor()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.ExecutionTimeout = TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(3), host.Executor.ExecutionOptions.Timeout);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GraphQL:EnableIntrospection"] = "false",
            ["GraphQL:MaxTokens"] = "123",
            ["GraphQL:ExecutionTimeout"] = "00:00:05",
        }).Build();
        await using var host = await GraphQLTestHost.StartAsync(services: s => s.Configure<GraphQLServerOptions>(configuration.GetSection("GraphQL")));

        var options = host.Services.GetRequiredService<IOptions<GraphQLServerOptions>>().Value;

        Assert.False(options.EnableIntrospection);
        Assert.Equal(123, options.MaxTokens);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ExecutionTimeout);
        Assert.Empty(options.AdditionalRules);
    }

    [Theory]
    [InlineData("MaxRequestBytes", "0")]
    [InlineData("MaxTokens", "-1")]
    [InlineData("DocumentCacheSize", "0")]
    [InlineData("ExecutionTimeout", "00:00:00")]
    public async Task Options_that_turn_a_limit_off_stop_the_host(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["GraphQL:" + key] = value }).Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            GraphQLTestHost.StartAsync(services: s => s.Configure<GraphQLServerOptions>(configuration.GetSection("GraphQL"))));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapGraphQL_without_AddGraphQLServer_says_what_is_missing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        using var app = builder.Build();

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapGraphQL());

        Assert.Contains("AddGraphQLServer", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Additional_rules_run_after_the_specified_ones_and_keep_their_code()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.AddValidationRule(c => new NoHelloRule(c)));

        using var allowed = await host.PostAsync(new { query = "{ answer }" });
        using var refused = await host.PostAsync(new { query = "{ hello }" }, "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = (await refused.JsonAsync()).GetProperty("errors")[0];
        Assert.Equal("No hello.", error.GetProperty("message").GetString());
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Query_limits_refuse_what_goes_past_them()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.AddQueryLimits(new LimitOptions { MaxAliases = 1 }));

        using var allowed = await host.PostAsync(new { query = "{ a: answer }" });
        using var refused = await host.PostAsync(new { query = "{ a: answer b: answer }" });

        Assert.False((await allowed.JsonAsync()).TryGetProperty("errors", out _));
        Assert.Equal(ErrorCodes.MaxAliasesExceeded, (await refused.JsonAsync()).FirstCode());
    }

    [Fact]
    public async Task A_browser_GET_is_handed_to_the_IDE()
    {
        await using var host = await GraphQLTestHost.StartAsync(services: s => s.AddSingleton<IGraphQLIde, FakeIde>());
        const string browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        using var page = await host.GetAsync("/graphql", browser);
        using var query = await host.GetAsync("/graphql?query=%7B%20answer%20%7D", browser);
        using var api = await host.GetAsync("/graphql", "application/json");

        Assert.Equal("IDE for /graphql at /graphql", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(42, (await query.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
    }

    [Fact]
    public async Task The_IDE_serves_the_paths_below_the_endpoint()
    {
        await using var host = await GraphQLTestHost.StartAsync(services: s => s.AddSingleton<IGraphQLIde, FakeIde>());

        using var file = await host.GetAsync("/graphql/index.html", accept: null);
        using var missing = await host.GetAsync("/graphql/missing", accept: null);

        Assert.Equal("IDE for /graphql at /graphql/index.html", await file.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Without_an_IDE_nothing_is_served_below_the_endpoint()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var file = await host.GetAsync("/graphql/index.html", accept: null);
        using var page = await host.GetAsync("/graphql", "text/html");

        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotAcceptable, page.StatusCode);
    }

    private sealed class NoHelloRule(ValidationContext context) : ValidationRule(context)
    {
        public override void EnterField(FieldNode node)
        {
            if (node.Name.Value == "hello")
            {
                Context.ReportError(new GraphQLError("No hello.", extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.MaxCostExceeded }));
            }
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }

    private sealed class FakeIde : IGraphQLIde
    {
        public async Task<bool> TryServeAsync(HttpContext context, string graphqlPath)
        {
            if (context.Request.Path.Value!.EndsWith("missing", StringComparison.Ordinal))
            {
                return false;
            }

            await context.Response.WriteAsync($"IDE for {graphqlPath} at {context.Request.Path}");
            return true;
        }
    }
}
