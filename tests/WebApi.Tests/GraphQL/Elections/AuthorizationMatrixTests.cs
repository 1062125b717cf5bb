using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.WebApi.Tests.GraphQL.Elections;

/// <summary>
/// Every elections mutation and protected query against no token and each role alone: the engine's
/// <c>@authorize</c> and the use cases' own checks must let exactly the same callers through. Each
/// cell gets an election in the state its operation needs, so "allowed" means the operation succeeded.
/// </summary>
public sealed class AuthorizationMatrixTests(ElectionsHost host) : IClassFixture<ElectionsHost>
{
    private const string Ok = "OK";
    private const string Unauthenticated = "AUTH_NOT_AUTHENTICATED";
    private const string Unauthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>Who may call: <see cref="Officials"/> the election-running mutations, <see cref="Voters"/> castVote, <see cref="SignedIn"/> the caller's own data, <see cref="Anyone"/> the public reads.</summary>
    private static readonly string[] Officials = [Unauthenticated, Unauthorized, Unauthorized, Ok, Ok];
    private static readonly string[] Voters = [Unauthenticated, Ok, Unauthorized, Unauthorized, Unauthorized];
    private static readonly string[] SignedIn = [Unauthenticated, Ok, Ok, Ok, Ok];
    private static readonly string[] Anyone = [Ok, Ok, Ok, Ok, Ok];

    /// <summary>The callers, in the order of the expectation rows: no token, then each role alone.</summary>
    private static readonly Role[] Callers = [Role.None, Role.Voter, Role.Observer, Role.ElectionOfficer, Role.Admin];

    private static readonly Operation[] Operations =
    [
        new("createElection", Officials, ElectionStatus.Draft, "mutation($o:DateTime!,$c:DateTime!){ createElection(input:{ title:\"Matrix\", opensAt:$o, closesAt:$c }){ id } }"),
        new("updateElection", Officials, ElectionStatus.Draft, "mutation($e:ID!,$o:DateTime!,$c:DateTime!){ updateElection(input:{ electionId:$e, title:\"Matrix\", opensAt:$o, closesAt:$c, resultsVisibility:LIVE }){ id } }"),
        new("addCandidate", Officials, ElectionStatus.Draft, "mutation($e:ID!){ addCandidate(input:{ electionId:$e, name:\"Zed\" }){ id } }"),
        new("removeCandidate", Officials, ElectionStatus.Draft, "mutation($e:ID!,$k:ID!){ removeCandidate(input:{ electionId:$e, candidateId:$k }){ id } }"),
        new("setVoterRoll", Officials, ElectionStatus.Draft, "mutation($e:ID!){ setVoterRoll(input:{ electionId:$e, citizenIds:[\"1101700203450\"] }){ size } }"),
        new("scheduleElection", Officials, ElectionStatus.Draft, "mutation($e:ID!){ scheduleElection(electionId:$e){ status } }"),
        new("openElection", Officials, ElectionStatus.Scheduled, "mutation($e:ID!){ openElection(electionId:$e){ status } }"),
        new("closeElection", Officials, ElectionStatus.Open, "mutation($e:ID!){ closeElection(electionId:$e){ status } }", ClosingTimePassed: true),
        new("cancelElection", Officials, ElectionStatus.Open, "mutation($e:ID!){ cancelElection(electionId:$e){ status } }"),
        new("publishResults", Officials, ElectionStatus.Closed, "mutation($e:ID!){ publishResults(electionId:$e){ status } }"),
        new("castVote", Voters, ElectionStatus.Open, "mutation($e:ID!,$k:ID!){ castVote(input:{ electionId:$e, candidateId:$k }){ receipt } }"),
        new("myParticipation", SignedIn, ElectionStatus.Open, "query($e:ID!){ myParticipation(electionId:$e){ hasVoted } }"),
        new("me", SignedIn, ElectionStatus.Open, "query($e:ID!){ me { id } election(id:$e){ id } }"),
        new("elections", Anyone, ElectionStatus.Open, "query($e:ID!){ elections(where:{ id:{ eq:$e } }){ totalCount } }"),
        new("verifyReceipt", Anyone, ElectionStatus.Open, "query($e:ID!){ verifyReceipt(electionId:$e, receipt:\"0000-1111-2222-3333-4444-5555-6666-7777\"){ recorded } }"),
    ];

    public static TheoryData<string, Role, string> Cells()
    {
        var cells = new TheoryData<string, Role, string>();
        foreach (var operation in Operations)
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                cells.Add(operation.Name, Callers[i], operation.Expected[i]);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_the_expected_code_or_success(string operationName, Role caller, string expected)
    {
        var operation = Operations.Single(o => o.Name == operationName);
        var election = await host.SeedElectionAsync(operation.Status, $"Matrix {operationName}", candidates: 3, closingTimePassed: operation.ClosingTimePassed);
        var token = caller == Role.None ? null : await host.TokenForAsync(caller);
        var now = host.Clock.UtcNow;
        var variables = new Dictionary<string, object?>();
        if (operation.Document.Contains("$e", StringComparison.Ordinal))
        {
            variables["e"] = election.Id;
        }

        if (operation.Document.Contains("$k", StringComparison.Ordinal))
        {
            variables["k"] = election.Candidates[0];
        }

        if (operation.Document.Contains("$o", StringComparison.Ordinal))
        {
            variables["o"] = now.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            variables["c"] = now.AddHours(2).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        using var response = await host.PostAsync(operation.Document, variables, token);

        var outcome = response.RootElement.TryGetProperty("errors", out var errors)
            ? errors[0].GetProperty("extensions").GetProperty("code").GetString()
            : Ok;
        Assert.True(expected == outcome, $"{operationName} as {caller}: expected {expected}, got {response.RootElement.GetRawText()}");
    }

    [Fact]
    public void The_table_covers_every_elections_mutation_and_protected_query()
    {
        var schema = Voting.GraphQL.Types.SchemaBuilder.New().AddQueryType<WebApi.GraphQL.Query>().AddMutationType<WebApi.GraphQL.Mutation>().Create();
        string[] accounts = ["register", "login", "refreshToken", "logout", "assignRole", "announce"];
        // Chat needs only a signed-in user at this boundary; its per-room roles are the domain's (Chat tests).
        string[] chat =
        [
            "createRoom", "joinRoom", "leaveRoom", "inviteToRoom", "kickMember", "banMember", "unbanMember", "muteMember", "setMemberRole",
            "transferRoomOwnership",
            "sendMessage", "sendDirectMessage", "editMessage", "deleteMessage", "markRead", "sendTyping",
            "myRooms", "room", "messages", "myDirectConversations", "presence",
        ];
        var mutations = schema.MutationType!.Fields.Keys.Except(accounts).Except(chat);
        var protectedQueries = schema.QueryType!.Fields.Values.Where(f => f.AppliedDirectives.Any(d => d.Name.Value == "authorize")).Select(f => f.Name).Except(chat);

        Assert.Empty(mutations.Concat(protectedQueries).Except(Operations.Select(o => o.Name)));
    }

    private sealed record Operation(string Name, string[] Expected, ElectionStatus Status, string Document, bool ClosingTimePassed = false);
}
