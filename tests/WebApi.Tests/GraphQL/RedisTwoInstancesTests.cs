using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL;

/// <summary>
/// Two API instances sharing one database and one Redis: a persisted query, the login limit and a cached election
/// learned or changed on one instance hold on the other.
/// </summary>
public sealed class RedisTwoInstancesTests : IAsyncLifetime
{
    private const string AdminCitizenId = "1100000000008";
    private const string AdminPassword = "admin-password";
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "voting-webapi-tests", $"{Guid.NewGuid():N}-shared.db");
    private ApiFactory _a = null!;
    private ApiFactory _b = null!;
    private HttpClient _httpA = null!;
    private HttpClient _httpB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={_databasePath}",
            ["Redis:Configuration"] = TestRedis.Configuration,
            ["Redis:KeyPrefix"] = TestRedis.NewKeyPrefix(),
            ["Outbox:Enabled"] = "false",
            ["Accounts:LoginRateLimit:PerCitizenId"] = "2",
        };

        // One after the other: the first migrates and seeds, the second finds it done.
        _a = new ApiFactory("Development", settings);
        _httpA = _a.CreateClient();
        _b = new ApiFactory("Development", settings);
        _httpB = _b.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _httpA.Dispose();
        _httpB.Dispose();
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_query_persisted_on_one_instance_is_answered_by_its_hash_on_the_other()
    {
        var query = $"query Persisted{Guid.NewGuid():N} {{ __typename }}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", Code(await PostAsync(_httpB, new { extensions })));

        Assert.Equal("Query", Data(await PostAsync(_httpA, new { query, extensions })).GetProperty("__typename").GetString());

        Assert.Equal("Query", Data(await PostAsync(_httpB, new { extensions })).GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Login_attempts_count_against_one_limit_across_instances()
    {
        const string Login = "mutation($c:String!,$p:String!){ login(citizenId:$c, password:$p){ accessToken } }";
        var wrong = new { c = AdminCitizenId, p = "wrong password" };
        Assert.Equal("INVALID_CREDENTIALS", Code(await PostAsync(_httpA, new { query = Login, variables = wrong })));
        Assert.Equal("INVALID_CREDENTIALS", Code(await PostAsync(_httpB, new { query = Login, variables = wrong })));

        using var refused = await PostAsync(_httpA, new { query = Login, variables = new { c = AdminCitizenId, p = AdminPassword } });
        var error = refused.RootElement.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal("RATE_LIMITED", error.GetProperty("code").GetString());
        Assert.InRange(error.GetProperty("retryAfter").GetInt32(), 1, 60);
    }

    [Fact]
    public async Task An_election_changed_on_one_instance_is_read_changed_on_the_other()
    {
        var officer = await LogInAsync(_httpA);
        var now = DateTimeOffset.UtcNow;
        var election = Data(await PostAsync(
            _httpA,
            new
            {
                query = "mutation($i:CreateElectionInput!){ createElection(input:$i){ id } }",
                variables = new { i = new { title = "Before", opensAt = Utc(now.AddHours(1)), closesAt = Utc(now.AddDays(1)) } },
            },
            officer)).GetProperty("createElection").GetProperty("id").GetString();
        const string Read = "query($e:ID!){ election(id:$e){ title candidates { name } } }";
        var before = Data(await PostAsync(_httpB, new { query = Read, variables = new { e = election } }, officer)).GetProperty("election");
        Assert.Equal("Before", before.GetProperty("title").GetString());

        Data(await PostAsync(
            _httpA,
            new
            {
                query = "mutation($i:UpdateElectionInput!){ updateElection(input:$i){ title } }",
                variables = new { i = new { electionId = election, title = "After", opensAt = Utc(now.AddHours(1)), closesAt = Utc(now.AddDays(1)), resultsVisibility = "LIVE" } },
            },
            officer));
        Data(await PostAsync(_httpA, new { query = "mutation($e:ID!){ addCandidate(input:{ electionId:$e, name:\"Alice\" }){ id } }", variables = new { e = election } }, officer));

        var after = Data(await PostAsync(_httpB, new { query = Read, variables = new { e = election } }, officer)).GetProperty("election");
        Assert.Equal("After", after.GetProperty("title").GetString());
        Assert.Equal("Alice", Assert.Single(after.GetProperty("candidates").EnumerateArray()).GetProperty("name").GetString());
    }

    private static async Task<string> LogInAsync(HttpClient http)
    {
        var login = Data(await PostAsync(http, new { query = "mutation($c:String!,$p:String!){ login(citizenId:$c, password:$p){ accessToken } }", variables = new { c = AdminCitizenId, p = AdminPassword } }));
        return login.GetProperty("login").GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonDocument> PostAsync(HttpClient http, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, Ct);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    private static JsonElement Data(JsonDocument document)
    {
        using (document)
        {
            return document.RootElement.TryGetProperty("errors", out var errors)
                ? throw new Xunit.Sdk.XunitException(errors.GetRawText())
                : document.RootElement.GetProperty("data").Clone();
        }
    }

    private static string? Code(JsonDocument document)
    {
        using (document)
        {
            return document.RootElement.TryGetProperty("errors", out var errors)
                ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
                : throw new Xunit.Sdk.XunitException("Expected an error, got " + document.RootElement.GetRawText());
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
