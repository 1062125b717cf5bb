using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.Hosting;

/// <summary>
/// X-Forwarded-For names the client only when it comes from a configured proxy: the session records the
/// address the login came from, and the rate limit per address counts by it.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string PeerHeader = "X-Test-Peer";
    private readonly ApiFactory _factory = new("Development", new Dictionary<string, string?>
    {
        ["ReverseProxy:KnownProxies:0"] = "10.0.0.5",
        ["ReverseProxy:KnownNetworks:0"] = "10.1.0.0/16",
    });

    private WebApplicationFactoryWithPeer _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new WebApplicationFactoryWithPeer(_factory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Theory]
    [InlineData("10.0.0.5", "203.0.113.7", "203.0.113.7")]
    [InlineData("10.1.44.2", "203.0.113.8", "203.0.113.8")]
    [InlineData("127.0.0.1", "203.0.113.9", "203.0.113.9")]
    [InlineData("10.0.0.6", "203.0.113.10", "10.0.0.6")]
    [InlineData("198.51.100.4", "203.0.113.11", "198.51.100.4")]
    public async Task The_session_records_the_forwarded_address_only_from_a_trusted_proxy(string peer, string forwardedFor, string expected)
    {
        using var http = _host.CreateClient();
        using var login = await PostAsync(http, "mutation { login(citizenId:\"1100000000008\", password:\"admin-password\"){ accessToken } }", peer, forwardedFor);
        var token = login.RootElement.GetProperty("data").GetProperty("login").GetProperty("accessToken").GetString();

        using var me = await PostAsync(http, "{ me { sessions { current address } } }", peer, forwardedFor: null, token);
        var current = me.RootElement.GetProperty("data").GetProperty("me").GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("current").GetBoolean());
        Assert.Equal(expected, current.GetProperty("address").GetString());
    }

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "nginx.internal", "is not an IP address")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.0.0.0/33", "is not a CIDR network")]
    [InlineData("ReverseProxy:ForwardLimit", "0", "between 1 and 10")]
    public void The_host_refuses_to_start_with_a_malformed_proxy_setting(string key, string value, string problem)
    {
        using var factory = new ApiFactory("Production", new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(problem, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonDocument> PostAsync(HttpClient http, string query, string peer, string? forwardedFor, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add(PeerHeader, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The test server has no socket, so the peer address comes from a test header, set before the app's own middleware.</summary>
    private sealed class WebApplicationFactoryWithPeer(ApiFactory factory) : IAsyncDisposable
    {
        private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _inner = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>()));

        public HttpClient CreateClient() => _inner.CreateClient();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[PeerHeader].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
