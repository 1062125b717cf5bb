using System.Globalization;
using System.Text.Json;

namespace Voting.WebApi.Tests.GraphQL.Elections;

/// <summary>An election from creation to published results over GraphQL over HTTP, as the clients of issue 6 run it.</summary>
public sealed class ElectionFlowTests(ElectionsHost host) : IClassFixture<ElectionsHost>
{
    private const string CastVote = "mutation($e:ID!,$c:ID!){ castVote(input:{ electionId:$e, candidateId:$c }){ electionId receipt sequence } }";
    private const string Participation = "query($e:ID!){ myParticipation(electionId:$e){ hasVoted votedAt } }";

    [Fact]
    public async Task An_officer_runs_an_election_three_voters_vote_and_the_published_results_match_their_receipts()
    {
        var officer = await host.LogInAsync(ElectionsHost.AdminCitizenId, ElectionsHost.AdminPassword);
        string[] voters = [.. await Task.WhenAll(ElectionsHost.SeededVoters.Select(v => host.LogInAsync(v, ElectionsHost.VoterPassword)))];
        var outsiderId = ElectionsHost.NewCitizenId();
        await host.DataAsync("mutation($c:String!,$p:String!){ register(citizenId:$c, phone:\"+66812345678\", password:$p) }", new { c = outsiderId, p = ElectionsHost.Password });
        var outsider = await host.LogInAsync(outsiderId, ElectionsHost.Password);

        var now = host.Clock.UtcNow;
        var created = (await host.DataAsync(
            "mutation($i:CreateElectionInput!){ createElection(input:$i){ id status resultsVisibility candidates { id } } }",
            new { i = new { title = "Student council", description = "Who leads next year", opensAt = Utc(now.AddMinutes(-1)), closesAt = Utc(now.AddMinutes(30)) } },
            officer)).GetProperty("createElection");
        Assert.Equal(("DRAFT", "AFTER_CLOSE", 0), (created.GetProperty("status").GetString(), created.GetProperty("resultsVisibility").GetString(), created.GetProperty("candidates").GetArrayLength()));
        var election = created.GetProperty("id").GetString()!;

        const string Add = "mutation($e:ID!,$n:String!){ addCandidate(input:{ electionId:$e, name:$n }){ id name ballotOrder election { id } } }";
        var alice = (await host.DataAsync(Add, new { e = election, n = "Alice" }, officer)).GetProperty("addCandidate");
        var bob = (await host.DataAsync(Add, new { e = election, n = "Bob" }, officer)).GetProperty("addCandidate");
        Assert.Equal((1, 2), (alice.GetProperty("ballotOrder").GetInt32(), bob.GetProperty("ballotOrder").GetInt32()));
        Assert.Equal(election, alice.GetProperty("election").GetProperty("id").GetString());
        var (aliceId, bobId) = (alice.GetProperty("id").GetString(), bob.GetProperty("id").GetString());

        var roll = (await host.DataAsync("mutation($e:ID!,$r:[String!]){ setVoterRoll(input:{ electionId:$e, citizenIds:$r }){ eligibility size hash } }", new { e = election, r = ElectionsHost.SeededVoters }, officer)).GetProperty("setVoterRoll");
        Assert.Equal(("VOTER_ROLL", 3), (roll.GetProperty("eligibility").GetString(), roll.GetProperty("size").GetInt32()));
        Assert.Equal("SCHEDULED", (await host.DataAsync("mutation($e:ID!){ scheduleElection(electionId:$e){ status } }", new { e = election }, officer)).GetProperty("scheduleElection").GetProperty("status").GetString());
        Assert.Equal("OPEN", (await host.DataAsync("mutation($e:ID!){ openElection(electionId:$e){ status } }", new { e = election }, officer)).GetProperty("openElection").GetProperty("status").GetString());

        var receipts = new List<(string Receipt, long Sequence)>();
        foreach (var (voter, choice) in voters.Zip([aliceId, aliceId, bobId]))
        {
            var receipt = (await host.DataAsync(CastVote, new { e = election, c = choice }, voter)).GetProperty("castVote");
            Assert.Equal(election, receipt.GetProperty("electionId").GetString());
            receipts.Add((receipt.GetProperty("receipt").GetString()!, receipt.GetProperty("sequence").GetInt64()));
        }

        Assert.Equal([1L, 2L, 3L], receipts.Select(r => r.Sequence).Order());
        Assert.Equal("ALREADY_VOTED", await host.CodeAsync(CastVote, new { e = election, c = bobId }, voters[0]));
        Assert.Equal("NOT_ELIGIBLE", await host.CodeAsync(CastVote, new { e = election, c = bobId }, outsider));
        var voted = (await host.DataAsync(Participation, new { e = election }, voters[0])).GetProperty("myParticipation");
        Assert.True(voted.GetProperty("hasVoted").GetBoolean());
        Assert.Equal(0, DateTimeOffset.Parse(voted.GetProperty("votedAt").GetString()!, CultureInfo.InvariantCulture).Minute);
        var notVoted = (await host.DataAsync(Participation, new { e = election }, outsider)).GetProperty("myParticipation");
        Assert.Equal((false, JsonValueKind.Null), (notVoted.GetProperty("hasVoted").GetBoolean(), notVoted.GetProperty("votedAt").ValueKind));

        // AFTER_CLOSE: nobody sees counts while voting runs, and results wait for closing.
        Assert.Equal("FORBIDDEN", await host.CodeAsync("query($e:ID!){ tally(electionId:$e){ total } }", new { e = election }, officer));
        Assert.Equal("FORBIDDEN", await host.CodeAsync("query($e:ID!){ results(electionId:$e){ published } }", new { e = election }));

        host.Clock.Offset = TimeSpan.FromMinutes(31);
        try
        {
            Assert.Equal("CLOSED", (await host.DataAsync("mutation($e:ID!){ closeElection(electionId:$e){ status } }", new { e = election }, officer)).GetProperty("closeElection").GetProperty("status").GetString());
            Assert.Equal("FORBIDDEN", await host.CodeAsync("query($e:ID!){ results(electionId:$e){ published } }", new { e = election }));
            Assert.Equal("RESULTS_PUBLISHED", (await host.DataAsync("mutation($e:ID!){ publishResults(electionId:$e){ status } }", new { e = election }, officer)).GetProperty("publishResults").GetProperty("status").GetString());
        }
        finally
        {
            host.Clock.Offset = TimeSpan.Zero;
        }

        var results = (await host.DataAsync(
            "query($e:ID!){ results(electionId:$e){ published isTie participations electorate turnout winners { name votes } tally { total version candidates { name votes } } } }",
            new { e = election })).GetProperty("results");
        Assert.True(results.GetProperty("published").GetBoolean());
        Assert.Equal((3L, 3L, 1.0), (results.GetProperty("participations").GetInt64(), results.GetProperty("electorate").GetInt64(), results.GetProperty("turnout").GetDouble()));
        Assert.Equal(("Alice", 2L), (results.GetProperty("winners")[0].GetProperty("name").GetString(), results.GetProperty("winners")[0].GetProperty("votes").GetInt64()));
        Assert.Equal(["Alice:2", "Bob:1"], results.GetProperty("tally").GetProperty("candidates").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("votes").GetInt64()}"));
        Assert.Equal((3L, 3L), (results.GetProperty("tally").GetProperty("total").GetInt64(), results.GetProperty("tally").GetProperty("version").GetInt64()));
        Assert.Equal(3L, (await host.DataAsync("query($e:ID!){ tally(electionId:$e){ total } }", new { e = election })).GetProperty("tally").GetProperty("total").GetInt64());

        const string Verify = "query($e:ID!,$r:String!){ verifyReceipt(electionId:$e, receipt:$r){ recorded sequence } }";
        foreach (var (receipt, sequence) in receipts)
        {
            var verified = (await host.DataAsync(Verify, new { e = election, r = receipt })).GetProperty("verifyReceipt");
            Assert.Equal((true, sequence), (verified.GetProperty("recorded").GetBoolean(), verified.GetProperty("sequence").GetInt64()));
        }

        var madeUp = (await host.DataAsync(Verify, new { e = election, r = "0000-1111-2222-3333-4444-5555-6666-7777" })).GetProperty("verifyReceipt");
        Assert.Equal((false, JsonValueKind.Null), (madeUp.GetProperty("recorded").GetBoolean(), madeUp.GetProperty("sequence").ValueKind));
    }

    [Fact]
    public async Task Officials_edit_a_draft_and_refusals_carry_the_domain_codes()
    {
        var officer = await host.SignInAsAsync(Domain.Users.Role.ElectionOfficer);
        var draft = await host.SeedElectionAsync(Domain.Elections.ElectionStatus.Draft, candidates: 3);
        var now = host.Clock.UtcNow;

        var updated = (await host.DataAsync(
            "mutation($i:UpdateElectionInput!){ updateElection(input:$i){ title description resultsVisibility } }",
            new { i = new { electionId = draft.Id, title = "Renamed", description = (string?)null, opensAt = Utc(now.AddHours(1)), closesAt = Utc(now.AddHours(2)), resultsVisibility = "LIVE" } },
            officer)).GetProperty("updateElection");
        Assert.Equal(("Renamed", string.Empty, "LIVE"), (updated.GetProperty("title").GetString(), updated.GetProperty("description").GetString(), updated.GetProperty("resultsVisibility").GetString()));

        var removed = (await host.DataAsync("mutation($e:ID!,$c:ID!){ removeCandidate(input:{ electionId:$e, candidateId:$c }){ candidateCount candidates { id } } }", new { e = draft.Id, c = draft.Candidates[0] }, officer)).GetProperty("removeCandidate");
        Assert.Equal(2, removed.GetProperty("candidateCount").GetInt32());
        Assert.DoesNotContain(draft.Candidates[0].ToString(), removed.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        Assert.Equal("INVALID_STATE", await host.CodeAsync("mutation($e:ID!){ openElection(electionId:$e){ status } }", new { e = draft.Id }, officer));
        Assert.Equal("NOT_FOUND", await host.CodeAsync("mutation($e:ID!){ cancelElection(electionId:$e){ status } }", new { e = Guid.NewGuid() }, officer));
        var invalid = await host.PostAsync("mutation($e:ID!){ addCandidate(input:{ electionId:$e, name:\"\" }){ id } }", new { e = draft.Id }, officer);
        var error = invalid.RootElement.GetProperty("errors")[0];
        Assert.Equal("VALIDATION", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(error.GetProperty("extensions").GetProperty("fields").TryGetProperty("Name", out _));
        Assert.Equal("CANCELLED", (await host.DataAsync("mutation($e:ID!){ cancelElection(electionId:$e){ status } }", new { e = draft.Id }, officer)).GetProperty("cancelElection").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_and_its_candidates_exist_only_for_officials()
    {
        var draft = await host.SeedElectionAsync(Domain.Elections.ElectionStatus.Draft);
        var voter = await host.SignInAsAsync(Domain.Users.Role.Voter);
        var officer = await host.SignInAsAsync(Domain.Users.Role.ElectionOfficer);
        const string Query = "query($e:ID!,$c:ID!){ election(id:$e){ id } candidate(id:$c){ name election { id } } }";

        var hidden = await host.DataAsync(Query, new { e = draft.Id, c = draft.Candidates[0] }, voter);
        var seen = await host.DataAsync(Query, new { e = draft.Id, c = draft.Candidates[0] }, officer);

        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (hidden.GetProperty("election").ValueKind, hidden.GetProperty("candidate").ValueKind));
        Assert.Equal(draft.Id.ToString(), seen.GetProperty("candidate").GetProperty("election").GetProperty("id").GetString());
        Assert.Equal("BAD_USER_INPUT", await host.CodeAsync("{ election(id:\"not-a-guid\"){ id } }"));
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
