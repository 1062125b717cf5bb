using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Voting.Domain.Common;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Chat;

/// <summary>
/// The development host (its seeded voters) on a clock the test moves, so the send limit's window
/// is the test's to open and close; GraphQL over HTTP and over WebSocket as the seeded users.
/// </summary>
internal sealed class ChatHost : IAsyncDisposable
{
    public static readonly string[] VoterCitizenIds = ["1101700203450", "1101700203468", "1101700203476"];
    public const string VoterPassword = "voter-password";

    private readonly ApiFactory _factory = new("Development", new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
    private readonly WebApplicationFactory<Program> _host;
    private readonly HttpClient _http;

    /// <param name="held">When given, room events reach subscribers only as the test releases them.</param>
    public ChatHost(HeldRoomEventPublisher? held = null)
    {
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IClock>(Clock);
            if (held is not null)
            {
                s.AddSingleton<Voting.Application.Chat.IRoomEventPublisher>(held);
            }
        }));
        _http = _host.CreateClient();
        if (held is not null)
        {
            held.Sender = _host.Services.GetRequiredService<Voting.GraphQL.Subscriptions.Topics.ITopicEventSender>();
        }
    }

    public MovableClock Clock { get; } = new();

    /// <summary>The host's services, for running a background job's pass when the test says.</summary>
    public IServiceProvider Services => _host.Services;

    public Task<GraphQLWebSocketClient> ConnectAsync(string accessToken) => GraphQLWebSocketClient.ConnectAsync(_host, accessToken);

    /// <summary>Seeded voter <paramref name="index"/>, signed in: their token and user ID.</summary>
    public async Task<(string Token, Guid Id)> VoterAsync(int index)
    {
        var login = await DataAsync("mutation($c:String!,$p:String!){ login(citizenId:$c, password:$p){ accessToken } }", new { c = VoterCitizenIds[index], p = VoterPassword });
        var token = login.GetProperty("login").GetProperty("accessToken").GetString()!;
        var me = await DataAsync("{ me { id } }", token: token);
        return (token, Guid.Parse(me.GetProperty("me").GetProperty("id").GetString()!));
    }

    public async Task<JsonDocument> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The <c>data</c> of a response that must have no errors.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null, string? token = null)
    {
        using var document = await PostAsync(query, variables, token);
        return document.RootElement.TryGetProperty("errors", out var errors)
            ? throw new Xunit.Sdk.XunitException(errors.GetRawText())
            : document.RootElement.GetProperty("data").Clone();
    }

    /// <summary>The first error of a response that must have one.</summary>
    public async Task<JsonElement> ErrorAsync(string query, object? variables = null, string? token = null)
    {
        using var document = await PostAsync(query, variables, token);
        return document.RootElement.TryGetProperty("errors", out var errors)
            ? errors[0].Clone()
            : throw new Xunit.Sdk.XunitException("Expected an error, got " + document.RootElement.GetRawText());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
