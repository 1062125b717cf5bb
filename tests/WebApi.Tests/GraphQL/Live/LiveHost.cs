using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Abstractions;
using Voting.Application.Elections;
using Voting.Application.Elections.AddCandidate;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Application.Elections.CreateElection;
using Voting.Application.Users.Sessions;
using Voting.Application.Voting.CastVote;
using Voting.Domain.Common;
using Voting.Domain.Elections;
using Voting.Domain.Users;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.WebApi.GraphQL.Live;
using Voting.WebApi.Identity;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Live;

/// <summary>
/// The development host (seeded admin, voters and an open LIVE election) on a clock the test moves,
/// with the outbox polling fast. The use cases an officer or a voter would call run in-process as them.
/// </summary>
internal sealed class LiveHost : IAsyncDisposable
{
    public const string AdminCitizenId = "1100000000008";
    public static readonly string[] VoterCitizenIds = ["1101700203450", "1101700203468", "1101700203476"];

    private readonly ApiFactory _factory;
    private readonly WebApplicationFactory<Program> _host;

    /// <param name="scheduler">Whether the election scheduler runs.</param>
    /// <param name="settings">Further settings, e.g. a shared database and Redis for a second instance.</param>
    public LiveHost(bool scheduler, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Scheduling:Enabled"] = scheduler ? "true" : "false",
            ["Scheduling:PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        _factory = new ApiFactory("Development", merged);
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IClock>(Clock)));
    }

    public MovableClock Clock { get; } = new();

    public IServiceProvider Services => _host.Services;

    public Task<GraphQLWebSocketClient> ConnectAsync(string? accessToken = null) => GraphQLWebSocketClient.ConnectAsync(_host, accessToken);

    /// <summary>Signs in over GraphQL over HTTP as a client would and returns the access token.</summary>
    public async Task<string> LogInAsync(string citizenId, string password)
    {
        using var http = _host.CreateClient();
        using var response = await http.PostAsync(
            new Uri("/graphql", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { query = "mutation($c:String!,$p:String!){ login(citizenId:$c, password:$p){ accessToken } }", variables = new { c = citizenId, p = password } }),
            TestContext.Current.CancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("data").GetProperty("login").GetProperty("accessToken").GetString()!;
    }

    /// <summary>Posts a GraphQL request over HTTP, as <paramref name="accessToken"/>'s holder when given.</summary>
    public async Task<System.Text.Json.JsonDocument> PostAsync(string query, object? variables = null, string? accessToken = null)
    {
        using var http = _host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query, variables }) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>GETs <paramref name="path"/> and returns the body.</summary>
    public async Task<string> GetAsync(string path)
    {
        using var http = _host.CreateClient();
        return await http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
    }

    /// <summary>A Draft election with two candidates (visible to officials only).</summary>
    public async Task<ElectionId> DraftElectionAsync()
    {
        var opensAt = Clock.UtcNow.AddHours(1);
        var election = await AsOfficerAsync<CreateElectionHandler, ElectionId>(h => h.HandleAsync(
            new CreateElectionCommand("Draft", null, opensAt, opensAt.AddHours(1), BallotKind.SingleChoice, ResultsVisibility.Live), CancellationToken.None));
        foreach (var name in new[] { "Park", "Library" })
        {
            await AsOfficerAsync<AddCandidateHandler, CandidateId>(h => h.HandleAsync(new AddCandidateCommand(election, name, null), CancellationToken.None));
        }

        return election;
    }

    /// <summary>The seeded election: open, results LIVE, three candidates.</summary>
    public Task<(ElectionId Election, IReadOnlyList<CandidateId> Candidates)> DemoElectionAsync() =>
        RunAsync<IElectionQueries, (ElectionId, IReadOnlyList<CandidateId>)>(async queries =>
        {
            var id = Assert.Single(queries.Summaries().Where(e => e.Status == ElectionStatus.Open).Select(e => e.Id).ToList());
            var details = await queries.GetAsync(new ElectionId(id), CancellationToken.None);
            return (new ElectionId(id), details!.Candidates.OrderBy(c => c.DisplayOrder).Select(c => c.Id).ToList());
        });

    /// <summary>A Scheduled election with two candidates, opening at <paramref name="opensAt"/> and closing an hour later.</summary>
    public async Task<ElectionId> ScheduledElectionAsync(DateTimeOffset opensAt, ResultsVisibility visibility)
    {
        var election = await AsOfficerAsync<CreateElectionHandler, ElectionId>(h => h.HandleAsync(
            new CreateElectionCommand("Budget", "Which project", opensAt, opensAt.AddHours(1), BallotKind.SingleChoice, visibility), CancellationToken.None));
        foreach (var name in new[] { "Park", "Library" })
        {
            await AsOfficerAsync<AddCandidateHandler, CandidateId>(h => h.HandleAsync(new AddCandidateCommand(election, name, null), CancellationToken.None));
        }

        await TransitionAsync(election, ElectionTransition.Schedule);
        return election;
    }

    /// <summary>
    /// Where the election's status topic stands now, to subscribe after: a test cannot tell when the
    /// server has registered a subscription, but a resume from a sequence misses nothing sent after it.
    /// It sends the current status once more (a redelivery looks the same) and returns its sequence.
    /// </summary>
    public async Task<long> StatusTopicPositionAsync(ElectionId election)
    {
        var status = await RunAsync<IElectionQueries, ElectionStatus>(async q => (await q.GetAsync(election, CancellationToken.None))!.Status);
        var sender = Services.GetRequiredService<ITopicEventSender>();
        return await sender.SendAsync(ElectionStatusTopic.For(election), new ElectionStatusChange(election, status, Clock.UtcNow), CancellationToken.None);
    }

    public Task<ElectionStatus> TransitionAsync(ElectionId election, ElectionTransition transition) =>
        AsOfficerAsync<ChangeElectionStatusHandler, ElectionStatus>(h => h.HandleAsync(new ChangeElectionStatusCommand(election, transition), CancellationToken.None));

    public async Task<CastVoteReceipt> VoteAsync(string citizenId, ElectionId election, CandidateId candidate) =>
        await AsAsync<CastVoteHandler, CastVoteReceipt>(await UserIdAsync(citizenId), Role.Voter, h => h.HandleAsync(new CastVoteCommand(election, candidate), CancellationToken.None));

    /// <summary>A vote by a voter the test seeded (<see cref="SeedVotersAsync"/>).</summary>
    public Task<CastVoteReceipt> VoteAsync(UserId voter, ElectionId election, CandidateId candidate) =>
        AsAsync<CastVoteHandler, CastVoteReceipt>(voter, Role.Voter, h => h.HandleAsync(new CastVoteCommand(election, candidate), CancellationToken.None));

    /// <summary>
    /// An access token for <paramref name="voter"/> as a sign-in would issue it, without the sign-in: each of
    /// hundreds of seeded voters signing in would verify a password hash, which costs seconds and tests nothing here.
    /// </summary>
    public string AccessTokenFor(UserId voter) =>
        Services.GetRequiredService<AccessTokens>().Issue(new SessionGrant(voter, Role.Voter, SessionId.New(), string.Empty, Clock.UtcNow.AddDays(1))).Token;

    /// <summary>
    /// Registers <paramref name="count"/> voters straight through the DbContext with one shared password
    /// hash: hashing hundreds of passwords would cost minutes and test nothing here.
    /// </summary>
    public async Task<IReadOnlyList<UserId>> SeedVotersAsync(int count)
    {
        var hash = Services.GetRequiredService<IPasswordHasher>().Hash("correct horse battery");
        var users = Enumerable.Range(1, count).Select(n =>
        {
            var first12 = (200_000_000_000 + n).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            return User.Register(CitizenId.Parse(first12 + CitizenId.CheckDigit(first12)), PhoneNumber.Parse("+6691" + n.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)), hash, Clock);
        }).ToList();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Voting.Infrastructure.Persistence.VotingDbContext>();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.Id).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<T> AsOfficerAsync<THandler, T>(Func<THandler, Task<T>> call)
        where THandler : notnull =>
        await AsAsync(await UserIdAsync(AdminCitizenId), Role.Admin | Role.ElectionOfficer, call);

    private Task<UserId> UserIdAsync(string citizenId) =>
        RunAsync<IUserRepository, UserId>(async users => (await users.FindByCitizenIdAsync(CitizenId.Parse(citizenId), CancellationToken.None))!.Id);

    /// <summary>Runs <paramref name="call"/> in a request scope whose caller is the given user, as the authentication middleware would set it.</summary>
    private async Task<T> AsAsync<THandler, T>(UserId user, Role roles, Func<THandler, Task<T>> call)
        where THandler : notnull
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        var claims = new List<Claim> { new(VotingClaims.Subject, user.Value.ToString()) };
        claims.AddRange(AccessTokens.RoleNames(roles).Select(r => new Claim(VotingClaims.Role, r)));
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<THandler>());
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
