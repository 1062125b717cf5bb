using System.Text.Json;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.WebApi.Tests.GraphQL.Elections;

/// <summary>The <c>elections</c> connection over HTTP: keyset pages, filters, orders, the draft rule, and the SQL it costs.</summary>
public sealed class ElectionListTests(ElectionsHost host) : IClassFixture<ElectionsHost>
{
    [Fact]
    public async Task Pages_follow_the_order_forwards_and_backwards_with_a_total_count()
    {
        var prefix = $"Paging {Guid.NewGuid():N}";
        foreach (var letter in "CAEBD")
        {
            await host.SeedElectionAsync(ElectionStatus.Scheduled, $"{prefix} {letter}");
        }

        const string Query = "query($w:ElectionFilterInput,$after:String,$before:String,$first:Int,$last:Int){ elections(where:$w, order:[{ title: DESC }], first:$first, after:$after, last:$last, before:$before){ totalCount nodes { title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
        var where = new { title = new { startsWith = prefix } };
        var titles = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await host.DataAsync(Query, new { w = where, first = 2, after })).GetProperty("elections");
            Assert.Equal(5, page.GetProperty("totalCount").GetInt32());
            titles.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()![^1..]));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(["E", "D", "C", "B", "A"], titles);
        Assert.Equal(3, pages);
        var last = (await host.DataAsync(Query, new { w = where, last = 2 })).GetProperty("elections");
        Assert.Equal(["B", "A"], last.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()![^1..]));
        var before = (await host.DataAsync(Query, new { w = where, last = 2, before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString() })).GetProperty("elections");
        Assert.Equal(["D", "C"], before.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString()![^1..]));
    }

    [Fact]
    public async Task Filters_combine_strings_without_case_statuses_and_times()
    {
        var prefix = $"Filter {Guid.NewGuid():N}";
        var open = await host.SeedElectionAsync(ElectionStatus.Open, $"{prefix} Mayor");
        await host.SeedElectionAsync(ElectionStatus.Closed, $"{prefix} Mayor again");
        await host.SeedElectionAsync(ElectionStatus.Scheduled, $"{prefix} Council", candidates: 3);
        const string Query = "query($w:ElectionFilterInput){ elections(where:$w){ nodes { id title } } }";

        var mayorsOpen = await host.DataAsync(Query, new { w = new { title = new { startsWith = prefix, containsIgnoreCase = "MAYOR" }, status = new { @in = new[] { "OPEN", "SCHEDULED" } } } });
        var withThree = await host.DataAsync(Query, new { w = new { title = new { startsWith = prefix }, candidateCount = new { gte = 3 } } });
        var closingLater = await host.DataAsync(Query, new { w = new { title = new { startsWith = prefix }, closesAt = new { gt = host.Clock.UtcNow.UtcDateTime.ToString("O") } }, });
        var either = await host.DataAsync(Query, new { w = new { title = new { startsWith = prefix }, or = new object[] { new { id = new { eq = open.Id } }, new { title = new { endsWith = "Council" } } } } });

        Assert.Equal([open.Id.ToString()], Ids(mayorsOpen));
        Assert.Equal([$"{prefix} Council"], Titles(withThree));
        Assert.Equal([$"{prefix} Council", $"{prefix} Mayor"], Titles(closingLater).Order());
        Assert.Equal([$"{prefix} Council", $"{prefix} Mayor"], Titles(either).Order());
    }

    [Fact]
    public async Task Drafts_are_listed_only_for_officials_whatever_the_filter()
    {
        var prefix = $"Drafts {Guid.NewGuid():N}";
        await host.SeedElectionAsync(ElectionStatus.Draft, $"{prefix} draft");
        await host.SeedElectionAsync(ElectionStatus.Open, $"{prefix} open");
        const string Query = "query($w:ElectionFilterInput){ elections(where:$w){ totalCount nodes { title status } } }";
        var where = new { title = new { startsWith = prefix } };
        var draftsOnly = new { title = new { startsWith = prefix }, status = new { eq = "DRAFT" } };

        foreach (var roles in new[] { Role.None, Role.Voter, Role.Observer })
        {
            var token = roles == Role.None ? null : await host.SignInAsAsync(roles);
            var listed = (await host.DataAsync(Query, new { w = where }, token)).GetProperty("elections");
            Assert.Equal((1, $"{prefix} open"), (listed.GetProperty("totalCount").GetInt32(), listed.GetProperty("nodes")[0].GetProperty("title").GetString()));
            Assert.Equal(0, (await host.DataAsync(Query, new { w = draftsOnly }, token)).GetProperty("elections").GetProperty("totalCount").GetInt32());
        }

        foreach (var roles in new[] { Role.ElectionOfficer, Role.Admin })
        {
            var token = await host.SignInAsAsync(roles);
            Assert.Equal(2, (await host.DataAsync(Query, new { w = where }, token)).GetProperty("elections").GetProperty("totalCount").GetInt32());
            Assert.Equal(1, (await host.DataAsync(Query, new { w = draftsOnly }, token)).GetProperty("elections").GetProperty("totalCount").GetInt32());
        }
    }

    [Fact]
    public async Task Pages_beyond_the_maximum_and_forged_cursors_are_the_clients_mistake()
    {
        Assert.Equal("BAD_USER_INPUT", await host.CodeAsync("{ elections(first: 101){ nodes { id } } }"));
        Assert.Equal("BAD_USER_INPUT", await host.CodeAsync("{ elections(first: 1, after: \"not-a-cursor\"){ nodes { id } } }"));
        Assert.Equal("BAD_USER_INPUT", await host.CodeAsync("{ elections(first: 1, last: 1){ nodes { id } } }"));
    }

    [Fact]
    public async Task Twenty_elections_with_their_candidates_cost_two_sql_commands_three_with_the_count()
    {
        var prefix = $"Batch {Guid.NewGuid():N}";
        for (var i = 0; i < 20; i++)
        {
            await host.SeedElectionAsync(ElectionStatus.Open, $"{prefix} {i:D2}", candidates: 3);
        }

        var variables = new { w = new { title = new { startsWith = prefix } } };
        var withCandidates = await CountCommandsAsync("query($w:ElectionFilterInput){ elections(first: 20, where:$w){ nodes { title candidates { name } } } }", variables);
        var withCount = await CountCommandsAsync("query($w:ElectionFilterInput){ elections(first: 20, where:$w){ totalCount nodes { title candidates { name } } } }", variables);
        var withTheirElections = await CountCommandsAsync("query($w:ElectionFilterInput){ elections(first: 20, where:$w){ nodes { candidates { election { title } } } } }", variables);

        Assert.Equal((20, 60, 2), withCandidates);
        Assert.Equal((20, 60, 3), withCount);
        Assert.Equal((20, 60, 3), withTheirElections);
    }

    private async Task<(int Elections, int Candidates, int Commands)> CountCommandsAsync(string query, object variables)
    {
        host.Sql.Clear();
        var nodes = (await host.DataAsync(query, variables)).GetProperty("elections").GetProperty("nodes");
        return (nodes.GetArrayLength(), nodes.EnumerateArray().Sum(n => n.GetProperty("candidates").GetArrayLength()), host.Sql.Commands.Count);
    }

    private static IEnumerable<string?> Ids(JsonElement data) => data.GetProperty("elections").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString());

    private static IEnumerable<string?> Titles(JsonElement data) => data.GetProperty("elections").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("title").GetString());
}
