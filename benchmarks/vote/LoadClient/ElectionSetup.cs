using System.Globalization;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// Through the API, as an official would: signs in as the initial admin, creates an election open
/// to every registered voter (opening a minute ago, closing in a day), adds candidates, schedules
/// and opens it.
/// </summary>
internal sealed class ElectionSetup(Options options)
{
    private readonly Uri _url = new(options.Text("url"));
    private readonly string _citizenId = options.Text("admin-citizen-id");
    private readonly string _password = options.Text("admin-password");
    private readonly int _candidates = options.Integer("candidates", 4);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = GraphQLHttp.KeepAliveClient(1);
        var client = new GraphQLHttp(http, _url);
        var login = await client.RequireAsync(
            "login",
            "mutation($c: String!, $p: String!) { login(citizenId: $c, password: $p) { accessToken } }",
            new { c = _citizenId, p = _password },
            null,
            cancellationToken).ConfigureAwait(false);
        var token = login.GetProperty("login").GetProperty("accessToken").GetString();

        var now = DateTimeOffset.UtcNow;
        var created = await client.RequireAsync(
            "createElection",
            "mutation($i: CreateElectionInput!) { createElection(input: $i) { id } }",
            new { i = new { title = "castVote benchmark", opensAt = Utc(now.AddMinutes(-1)), closesAt = Utc(now.AddDays(1)) } },
            token,
            cancellationToken).ConfigureAwait(false);
        var electionId = created.GetProperty("createElection").GetProperty("id").GetString()!;

        var candidateIds = new List<string>();
        for (var i = 1; i <= _candidates; i++)
        {
            var added = await client.RequireAsync(
                "addCandidate",
                "mutation($i: AddCandidateInput!) { addCandidate(input: $i) { id } }",
                new { i = new { electionId, name = string.Create(CultureInfo.InvariantCulture, $"Candidate {i}") } },
                token,
                cancellationToken).ConfigureAwait(false);
            candidateIds.Add(added.GetProperty("addCandidate").GetProperty("id").GetString()!);
        }

        foreach (var step in new[] { "scheduleElection", "openElection" })
        {
            await client.RequireAsync(
                step, $"mutation($e: ID!) {{ {step}(electionId: $e) {{ id }} }}", new { e = electionId }, token, cancellationToken).ConfigureAwait(false);
        }

        Console.WriteLine($"ELECTION {electionId} {string.Join(',', candidateIds)}");
        return 0;
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
