using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.Infrastructure.Persistence;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Elections;

/// <summary>
/// The development host (its seeded admin and three voters) with a clock the test can move forward,
/// the outbox off, and a record of the SQL commands that GraphQL requests send. Users with exactly
/// the roles a test needs and elections in any state are written straight to the database.
/// </summary>
public sealed class ElectionsHost : IAsyncLifetime
{
    public const string AdminCitizenId = "1100000000008";
    public const string AdminPassword = "admin-password";
    public const string VoterPassword = "voter-password";
    public const string Password = "correct horse battery";
    public static readonly string[] SeededVoters = ["1101700203450", "1101700203468", "1101700203476"];

    private static int _nextCitizen;
    private readonly ApiFactory _factory = new("Development", new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = "false",
        // Every test signs in from the same address.
        ["Accounts:LoginRateLimit:PerAddress"] = "100000",
    });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Role, Lazy<Task<string>>> _tokens = new();
    private WebApplicationFactory<Program> _host = null!;

    public ShiftedClock Clock { get; } = new();

    /// <summary>The SQL commands sent while serving a GraphQL request (background services' commands are left out).</summary>
    public SqlCommandRecorder Sql { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        _host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(Clock);
            services.ConfigureDbContext<VotingDbContext>(options => options.AddInterceptors(Sql));
        }));
        Http = _host.CreateClient();
        var accessor = _host.Services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        Sql.Filter = () => accessor.HttpContext?.Request.Path == "/graphql";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    /// <summary>A citizen ID no other test uses, with a valid check digit (mod 11 over the first 12 digits).</summary>
    public static string NewCitizenId()
    {
        var digits = $"32{Environment.ProcessId % 1000:D3}{Interlocked.Increment(ref _nextCitizen):D7}";
        var sum = digits.Select((c, i) => (c - '0') * (13 - i)).Sum();
        return digits + ((11 - (sum % 11)) % 10);
    }

    public async Task<JsonDocument> PostAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
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

    /// <summary>The code of the first error of a response that must have one.</summary>
    public async Task<string?> CodeAsync(string query, object? variables = null, string? token = null)
    {
        using var document = await PostAsync(query, variables, token);
        return document.RootElement.TryGetProperty("errors", out var errors)
            ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
            : throw new Xunit.Sdk.XunitException("Expected an error, got " + document.RootElement.GetRawText());
    }

    public async Task<string> LogInAsync(string citizenId, string password)
    {
        var login = await DataAsync("mutation($c:String!,$p:String!){ login(citizenId:$c, password:$p){ accessToken } }", new { c = citizenId, p = password });
        return login.GetProperty("login").GetProperty("accessToken").GetString()!;
    }

    /// <summary>The token of one user per set of roles, signed in once for the host (see <see cref="SignInAsAsync"/>).</summary>
    public Task<string> TokenForAsync(Role roles) => _tokens.GetOrAdd(roles, r => new Lazy<Task<string>>(() => SignInAsAsync(r))).Value;

    /// <summary>A new user holding exactly <paramref name="roles"/> (none: signed in with no role), signed in.</summary>
    public async Task<string> SignInAsAsync(Role roles)
    {
        var citizenId = NewCitizenId();
        await InScopeAsync(async services =>
        {
            var user = User.Register(CitizenId.Parse(citizenId), PhoneNumber.Parse("+66812345678"), services.GetRequiredService<IPasswordHasher>().Hash(Password), Clock);
            user.RevokeRole(Role.Voter);
            foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.None && (roles & r) == r))
            {
                user.AssignRole(role);
            }

            services.GetRequiredService<IUserRepository>().Add(user);
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return await LogInAsync(citizenId, Password);
    }

    /// <summary>
    /// An election in <paramref name="status"/> with <paramref name="candidates"/> candidates, open to all
    /// registered voters. Its opening time has passed; with <paramref name="closingTimePassed"/> its
    /// closing time too (always so once closed), else it closes in an hour.
    /// </summary>
    public async Task<SeededElection> SeedElectionAsync(ElectionStatus status, string title = "Seeded election", int candidates = 2, bool closingTimePassed = false)
    {
        var now = Clock.UtcNow;
        closingTimePassed |= status is ElectionStatus.Closed or ElectionStatus.ResultsPublished;
        var start = closingTimePassed ? now.AddHours(-3) : now.AddMinutes(-10);
        var closesAt = closingTimePassed ? now.AddHours(-1) : now.AddHours(1);
        var election = Election.Create(title, $"About {title}", start.AddMinutes(5), closesAt, BallotKind.SingleChoice, ResultsVisibility.AfterClose, UserId.New(), new FixedClock(start));
        var added = Enumerable.Range(1, candidates).Select(i => election.AddCandidate($"Candidate {i}", $"Party {i}")).ToList();
        if (status is not (ElectionStatus.Draft or ElectionStatus.Cancelled))
        {
            election.Schedule(new FixedClock(start));
        }

        if (status is ElectionStatus.Open or ElectionStatus.Closed or ElectionStatus.ResultsPublished)
        {
            election.Open(new FixedClock(start.AddMinutes(10)));
        }

        if (status is ElectionStatus.Closed or ElectionStatus.ResultsPublished)
        {
            election.Close(new FixedClock(now), registeredVoters: 0);
        }

        if (status == ElectionStatus.ResultsPublished)
        {
            election.PublishResults(new FixedClock(now));
        }

        if (status == ElectionStatus.Cancelled)
        {
            election.Cancel(new FixedClock(start));
        }

        await InScopeAsync(async services =>
        {
            services.GetRequiredService<IElectionRepository>().Add(election);
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return new SeededElection(election.Id.Value, [.. added.Select(c => c.Id.Value)]);
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public sealed record SeededElection(Guid Id, IReadOnlyList<Guid> Candidates);

    /// <summary>The real time, moved forward by <see cref="Offset"/>: tokens stay valid while elections reach their closing time.</summary>
    public sealed class ShiftedClock : IClock
    {
        public TimeSpan Offset { get; set; }

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow + Offset;
    }

    private sealed class FixedClock(DateTimeOffset at) : IClock
    {
        public DateTimeOffset UtcNow => at;
    }
}
