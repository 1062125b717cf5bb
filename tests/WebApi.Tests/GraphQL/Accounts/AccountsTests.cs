using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Accounts;

/// <summary>Accounts over GraphQL over HTTP against the development host (its seeded admin): register, log in, refresh, log out, roles, and the tokens the API must refuse.</summary>
public sealed class AccountsTests : IAsyncLifetime
{
    private const string AdminCitizenId = "1100000000008";
    private const string AdminPassword = "admin-password";
    private const string Password = "correct horse battery";
    private readonly ApiFactory _factory = new("Development", new Dictionary<string, string?> { ["Accounts:LoginRateLimit:PerCitizenId"] = "5" });
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        _http = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_voter_registers_logs_in_sees_themselves_refreshes_and_logs_out()
    {
        var citizenId = CitizenId(101);
        var registered = await PostAsync("mutation($c:String!,$p:String!){ register(citizenId:$c, phone:\"+66812345678\", password:$p) }", new { c = citizenId, p = Password });
        var userId = Data(registered).GetProperty("register").GetString();

        var login = Data(await LogInAsync(citizenId, Password)).GetProperty("login");
        Assert.Equal(userId, login.GetProperty("userId").GetString());
        Assert.Equal(["VOTER"], login.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var access = login.GetProperty("accessToken").GetString()!;

        var me = Data(await PostAsync("{ me { id citizenId roles sessions { current userAgent } } }", token: access)).GetProperty("me");
        Assert.Equal((userId, citizenId), (me.GetProperty("id").GetString(), me.GetProperty("citizenId").GetString()));
        Assert.True(Assert.Single(me.GetProperty("sessions").EnumerateArray()).GetProperty("current").GetBoolean());

        var refreshed = Data(await PostAsync("mutation($t:String!){ refreshToken(refreshToken:$t){ accessToken refreshToken } }", new { t = login.GetProperty("refreshToken").GetString() })).GetProperty("refreshToken");
        Assert.NotEqual(login.GetProperty("refreshToken").GetString(), refreshed.GetProperty("refreshToken").GetString());

        var loggedOut = Data(await PostAsync("mutation { logout }", token: refreshed.GetProperty("accessToken").GetString()));
        Assert.True(loggedOut.GetProperty("logout").GetBoolean());
        Assert.Equal("INVALID_REFRESH_TOKEN", Code(await PostAsync("mutation($t:String!){ refreshToken(refreshToken:$t){ accessToken } }", new { t = refreshed.GetProperty("refreshToken").GetString() })));
    }

    [Fact]
    public async Task A_spent_refresh_token_presented_again_ends_the_session_for_every_holder()
    {
        var login = Data(await LogInAsync(AdminCitizenId, AdminPassword)).GetProperty("login");
        var first = login.GetProperty("refreshToken").GetString();
        var second = Data(await PostAsync("mutation($t:String!){ refreshToken(refreshToken:$t){ refreshToken } }", new { t = first })).GetProperty("refreshToken").GetProperty("refreshToken").GetString();

        Assert.Equal("REFRESH_TOKEN_REUSED", Code(await PostAsync("mutation($t:String!){ refreshToken(refreshToken:$t){ refreshToken } }", new { t = first })));
        Assert.Equal("INVALID_REFRESH_TOKEN", Code(await PostAsync("mutation($t:String!){ refreshToken(refreshToken:$t){ refreshToken } }", new { t = second })));
    }

    [Fact]
    public async Task Registration_and_login_refusals_carry_their_codes()
    {
        Assert.Equal("DUPLICATE_CITIZEN_ID", Code(await PostAsync("mutation { register(citizenId:\"1100000000008\", phone:\"+66812345678\", password:\"long enough\") }")));
        Assert.Equal("VALIDATION", Code(await PostAsync("mutation { register(citizenId:\"1234567890123\", phone:\"+66812345678\", password:\"long enough\") }")));
        Assert.Equal("INVALID_CREDENTIALS", Code(await LogInAsync(AdminCitizenId, "wrong password")));
    }

    [Fact]
    public async Task Only_an_admin_assigns_roles_and_the_role_arrives_with_the_next_refresh()
    {
        var citizenId = CitizenId(102);
        var userId = Data(await PostAsync("mutation($c:String!){ register(citizenId:$c, phone:\"+66812345678\", password:\"correct horse battery\") }", new { c = citizenId })).GetProperty("register").GetString();
        var voter = Data(await LogInAsync(citizenId, Password)).GetProperty("login");
        var admin = Data(await LogInAsync(AdminCitizenId, AdminPassword)).GetProperty("login").GetProperty("accessToken").GetString();
        const string Assign = "mutation($u:ID!){ assignRole(userId:$u, role: OBSERVER) }";

        Assert.Equal("AUTH_NOT_AUTHENTICATED", Code(await PostAsync(Assign, new { u = userId })));
        Assert.Equal("AUTH_NOT_AUTHORIZED", Code(await PostAsync(Assign, new { u = userId }, voter.GetProperty("accessToken").GetString())));
        var roles = Data(await PostAsync(Assign, new { u = userId }, admin)).GetProperty("assignRole").EnumerateArray().Select(r => r.GetString());
        Assert.Equal(["VOTER", "OBSERVER"], roles);

        var refreshed = Data(await PostAsync("mutation($t:String!){ refreshToken(refreshToken:$t){ roles } }", new { t = voter.GetProperty("refreshToken").GetString() }));
        Assert.Equal(["VOTER", "OBSERVER"], refreshed.GetProperty("refreshToken").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    public static TheoryData<string> ForgedTokens()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiFactory.TestSigningKey));
        var wrongKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-that-is-long-enough-0123456789"));
        var now = DateTime.UtcNow;
        string Make(SymmetricSecurityKey signingKey, DateTime expires, string issuer = "voting", string alg = SecurityAlgorithms.HmacSha256) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = "voting-api",
                IssuedAt = expires.AddMinutes(-15),
                NotBefore = expires.AddMinutes(-15),
                Expires = expires,
                Claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["role"] = new[] { "Admin" } },
                SigningCredentials = new SigningCredentials(signingKey, alg),
            });
        var valid = Make(key, now.AddMinutes(10));
        var parts = valid.Split('.');
        var unsigned = $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{parts[1]}.";
        var tamperedPayload = Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace("\"Admin\"", "\"Adminx\"", StringComparison.Ordinal));
        return new TheoryData<string>
        {
            Make(key, now.AddMinutes(-5)),
            Make(wrongKey, now.AddMinutes(10)),
            Make(key, now.AddMinutes(10), issuer: "someone-else"),
            Make(key, now.AddMinutes(10), alg: SecurityAlgorithms.HmacSha512),
            unsigned,
            $"{parts[0]}.{tamperedPayload}.{parts[2]}",
            $"{parts[0]}.{parts[1]}.{parts[2][..^2]}{(parts[2][^2] == 'A' ? 'B' : 'A')}{parts[2][^1]}",
            "not-a-token",
        };
    }

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Expired_wrongly_signed_tampered_and_unsigned_tokens_are_refused(string token)
    {
        Assert.Equal("AUTH_NOT_AUTHENTICATED", Code(await PostAsync("{ me { id } }", token: token)));
    }

    [Fact]
    public async Task Too_many_logins_for_one_citizen_answer_rate_limited_with_a_retry_after()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal("INVALID_CREDENTIALS", Code(await LogInAsync(CitizenId(103), "wrong password")));
        }

        using var limited = await LogInAsync(CitizenId(103), "wrong password");
        var error = limited.RootElement.GetProperty("errors")[0];
        Assert.Equal("RATE_LIMITED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.InRange(error.GetProperty("extensions").GetProperty("retryAfter").GetInt32(), 1, 60);
    }

    /// <summary>A citizen ID with a valid check digit (mod 11 over the first 12 digits).</summary>
    private static string CitizenId(int seed)
    {
        var digits = $"31000000{seed:D4}";
        var sum = digits.Select((c, i) => (c - '0') * (13 - i)).Sum();
        return digits + ((11 - (sum % 11)) % 10);
    }

    private Task<JsonDocument> LogInAsync(string citizenId, string password) =>
        PostAsync("mutation($c:String!,$p:String!){ login(citizenId:$c, password:$p){ userId roles accessToken refreshToken } }", new { c = citizenId, p = password });

    private async Task<JsonDocument> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static JsonElement Data(JsonDocument document) =>
        document.RootElement.TryGetProperty("errors", out var errors)
            ? throw new Xunit.Sdk.XunitException(errors.GetRawText())
            : document.RootElement.GetProperty("data");

    private static string? Code(JsonDocument document) =>
        document.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}
