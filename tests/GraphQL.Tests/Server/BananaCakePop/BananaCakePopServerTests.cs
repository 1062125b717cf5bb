using System.Net;
using System.Text.Json;
using Voting.GraphQL.Server.BananaCakePop;

namespace Voting.GraphQL.Tests.Server.BananaCakePop;

/// <summary>Banana Cake Pop behind MapGraphQL, in a host in memory.</summary>
public sealed class BananaCakePopServerTests
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_browser_opening_the_endpoint_reaches_the_IDE_connected_to_it()
    {
        await using var host = await GraphQLTestHost.StartAsync(b => b.AddBananaCakePop());

        using var opened = await host.GetAsync("/graphql", BrowserAccept);
        Assert.Equal(HttpStatusCode.Found, opened.StatusCode);
        Assert.Equal("/graphql/", opened.Headers.Location?.OriginalString);

        using var page = await host.GetAsync("/graphql/", BrowserAccept);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.MediaType());
        Assert.Contains("<div id=\"root\">", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var configuration = await host.GetAsync("/graphql/bcp-config.json", accept: null);
        using var json = JsonDocument.Parse(await configuration.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("/graphql", json.RootElement.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task GraphQL_clients_on_the_endpoint_are_answered_as_before()
    {
        await using var host = await GraphQLTestHost.StartAsync(b => b.AddBananaCakePop());

        using var post = await host.PostAsync(new { query = "{ answer }" });
        using var get = await host.GetAsync("/graphql?query=%7B%20answer%20%7D", BrowserAccept);
        using var json = await host.GetAsync("/graphql", "application/json, text/html");

        Assert.Equal(42, (await post.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
        Assert.Equal(42, (await get.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Fact]
    public async Task A_path_below_the_endpoint_that_is_no_IDE_file_is_not_found()
    {
        await using var host = await GraphQLTestHost.StartAsync(b => b.AddBananaCakePop());

        using var missing = await host.GetAsync("/graphql/appsettings.json", accept: null);
        using var escaped = await host.GetAsync("/graphql/..%2F..%2Fappsettings.json", accept: null);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, escaped.StatusCode);
    }
}
