using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Voting.GraphQL.Server.ServerSentEvents;
using Voting.GraphQL.Server.WebSockets;
using Voting.GraphQL.Tests.Server.WebSockets;

namespace Voting.GraphQL.Tests.Server.Authorization;

/// <summary>
/// The user through the real transports (TestHost): GraphQL over HTTP and SSE run as <c>HttpContext.User</c>,
/// which an authentication handler sets from the request; WebSockets as the user OnConnect set from connection_init.
/// </summary>
public sealed class AuthorizationTransportTests
{
    private const string UserHeader = "X-Test-User";
    private const string RolesHeader = "X-Test-Roles";

    [Fact]
    public async Task Http_runs_as_the_user_authentication_set()
    {
        await using var host = await StartHostAsync();

        var admin = await PostAsync(host, "{ whoAmI admin }", ("root", "Admin"));
        var clerk = await PostAsync(host, "{ whoAmI admin }", ("bob", "Clerk"));
        var anonymous = await PostAsync(host, "{ whoAmI admin }", null);

        Assert.Equal("""{"data":{"whoAmI":"root","admin":"admin"}}""", admin.GetRawText());
        Assert.Equal("bob", clerk.GetProperty("data").GetProperty("whoAmI").GetString());
        Assert.Equal("AUTH_NOT_AUTHORIZED", clerk.FirstCode());
        Assert.Equal("anonymous", anonymous.GetProperty("data").GetProperty("whoAmI").GetString());
        Assert.Equal("AUTH_NOT_AUTHENTICATED", anonymous.FirstCode());
    }

    [Fact]
    public async Task Http_evaluates_policies_with_the_request_services()
    {
        await using var host = await StartHostAsync();

        Assert.Equal("""{"data":{"diary":"diary of ada"}}""", (await PostAsync(host, """{ diary(owner: "ada") }""", ("ada", ""))).GetRawText());
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await PostAsync(host, """{ diary(owner: "ada") }""", ("bob", ""))).FirstCode());
    }

    [Fact]
    public async Task WebSocket_operations_run_as_the_user_OnConnect_set_from_the_payload()
    {
        await using var host = await StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);
        await client.SendAsync(new { type = "connection_init", payload = new { token = "root:Admin" } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SubscribeAsync("q", "{ whoAmI admin }");
        var query = await client.ReceiveAsync();
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
        await client.SubscribeAsync("s", "subscription { alerts(count: 2) { n who } }");
        var events = new[] { await client.ReceiveAsync(), await client.ReceiveAsync() };
        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());

        Assert.Equal("""{"data":{"whoAmI":"root","admin":"admin"}}""", query.GetProperty("payload").GetRawText());
        Assert.Equal(
            ["""{"data":{"alerts":{"n":1,"who":"root"}}}""", """{"data":{"alerts":{"n":2,"who":"root"}}}"""],
            events.Select(e => e.GetProperty("payload").GetRawText()));
    }

    [Fact]
    public async Task A_WebSocket_subscription_the_user_may_not_make_is_an_error_message_before_any_event()
    {
        await using var host = await StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAsync(host, GraphQLTransportWsTransport.SubProtocol);
        await client.SendAsync(new { type = "connection_init", payload = new { token = "bob:Clerk" } });
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SubscribeAsync("s", "subscription { alerts(count: 2) { n } }");
        var refused = await client.ReceiveAsync();

        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("AUTH_NOT_AUTHORIZED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_WebSocket_without_a_token_stays_anonymous()
    {
        await using var host = await StartHostAsync();
        await using var client = await WebSocketTestClient.ConnectAndInitAsync(host);

        await client.SubscribeAsync("q", "{ whoAmI signedIn }");
        var result = (await client.ReceiveAsync()).GetProperty("payload");

        Assert.Equal("anonymous", result.GetProperty("data").GetProperty("whoAmI").GetString());
        Assert.Equal("AUTH_NOT_AUTHENTICATED", result.FirstCode());
    }

    [Fact]
    public async Task Server_sent_events_run_the_subscription_and_its_events_as_the_user_authentication_set()
    {
        await using var host = await StartHostAsync();

        var allowed = await StreamAsync(host, "subscription { alerts(count: 2) { n who } }", ("root", "Admin"));
        var refused = await StreamAsync(host, "subscription { alerts(count: 2) { n who } }", null);

        Assert.Equal(
            ["""{"data":{"alerts":{"n":1,"who":"root"}}}""", """{"data":{"alerts":{"n":2,"who":"root"}}}"""],
            allowed);
        var error = Assert.Single(refused);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", JsonDocument.Parse(error).RootElement.FirstCode());
    }

    private static Task<GraphQLTestHost> StartHostAsync() => GraphQLTestHost.StartAsync(
        s => s.AddQueryType<AuthQuery>()
            .AddMutationType<AuthMutation>()
            .AddSubscriptionType<AuthSubscription>()
            .AddServerSentEvents()
            .AddWebSocketTransport(o => o.OnConnect = (context, payload) =>
            {
                // As a real hook would validate a token: here the token is "name:Role".
                if (payload?.GetValueOrDefault("token") is string token && token.Split(':') is [var name, var role])
                {
                    context.User = TestUsers.SignedIn(name, [role]);
                }

                return ValueTask.FromResult(true);
            }),
        services: s =>
        {
            s.AddAuthentication(HeaderAuthenticationHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
            s.AddAuthorization(o => o.AddPolicy("Owner", p => p.RequireAssertion(c =>
                c.Resource is Voting.GraphQL.Types.IResolverContext field && field.TryGetArgument("owner", out var owner) && Equals(owner, c.User.Identity?.Name))));
        });

    private static async Task<JsonElement> PostAsync(GraphQLTestHost host, string query, (string Name, string Roles)? user)
    {
        using var request = Request(query, "application/json", user);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.JsonAsync();
    }

    /// <summary>The data of each <c>next</c> event, until <c>complete</c>.</summary>
    private static async Task<List<string>> StreamAsync(GraphQLTestHost host, string query, (string Name, string Roles)? user)
    {
        using var request = Request(query, "text/event-stream", user);
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return [.. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.StartsWith("event: next\n", StringComparison.Ordinal))
            .Select(e => e["event: next\ndata: ".Length..])];
    }

    private static HttpRequestMessage Request(string query, string accept, (string Name, string Roles)? user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (user is { } signedIn)
        {
            request.Headers.Add(UserHeader, signedIn.Name);
            request.Headers.Add(RolesHeader, signedIn.Roles);
        }

        return request;
    }

    /// <summary>Signs in whoever the request's headers name, with their roles; no header, no user.</summary>
    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Header";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var name))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var roles = Request.Headers[RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(TestUsers.SignedIn(name.ToString(), roles), SchemeName)));
        }
    }
}
