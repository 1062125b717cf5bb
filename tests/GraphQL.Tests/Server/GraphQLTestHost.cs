using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Voting.GraphQL.Server;

namespace Voting.GraphQL.Tests.Server;

/// <summary>A web host in memory (TestHost) serving <see cref="ServerTestQuery"/> at <c>/graphql</c>.</summary>
internal sealed class GraphQLTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    internal GraphQLRequestExecutor Executor => _app.Services.GetRequiredService<GraphQLRequestExecutor>();

    public static async Task<GraphQLTestHost> StartAsync(
        Action<GraphQLServerBuilder>? configure = null,
        string environment = "Production",
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        var server = builder.Services.AddGraphQLServer().AddQueryType<ServerTestQuery>().AddMutationType<ServerTestMutation>();
        configure?.Invoke(server);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGraphQL("/graphql");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new GraphQLTestHost(app);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON with the given Accept header (none when null).</summary>
    public Task<HttpResponseMessage> PostAsync(object body, string? accept = "application/json") =>
        PostRawAsync(JsonSerializer.Serialize(body), "application/json", accept);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? contentType, string? accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>Reading responses in tests.</summary>
internal static class ResponseExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    /// <summary>The <c>extensions.code</c> of the first error.</summary>
    public static string? FirstCode(this JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
