using System.Text.Json;
using Voting.WebApi.Tests.GraphQL.Live;

namespace Voting.WebApi.Tests.Realtime;

/// <summary>
/// Two API instances sharing PostgreSQL and Redis (./test.sh's redis-server, VOTING_TEST_REDIS): what happens
/// on one reaches subscribers on the other, in order.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string TallyQuery = "subscription($id: ID!) { tallyUpdated(electionId: $id) { total version candidates { votes } } }";
    private LiveHostPair _pair = null!;

    private LiveHost A => _pair.A;

    private LiveHost B => _pair.B;

    public async ValueTask InitializeAsync() => _pair = await LiveHostPair.StartAsync();

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    [Fact]
    public async Task A_subscriber_on_one_instance_sees_votes_cast_on_the_other_in_order()
    {
        var (election, candidates) = await A.DemoElectionAsync();
        await using var watcher = await B.ConnectAsync();
        await watcher.SubscribeAsync("t", TallyQuery, new { id = election.Value });
        Assert.Equal(0, Tally(await watcher.NextAsync("t")).GetProperty("total").GetInt64());

        for (var i = 0; i < LiveHost.VoterCitizenIds.Length; i++)
        {
            await A.VoteAsync(LiveHost.VoterCitizenIds[i], election, candidates[i == 0 ? 0 : 1]);
        }

        var versions = new List<long>();
        JsonElement latest;
        do
        {
            latest = Tally(await watcher.NextAsync("t"));
            versions.Add(latest.GetProperty("version").GetInt64());
        }
        while (latest.GetProperty("total").GetInt64() < 3);

        Assert.Equal(versions.Order().Distinct(), versions);
        Assert.Equal(3, versions[^1]);
        Assert.Equal([1L, 2L, 0L], latest.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("votes").GetInt64()));
    }

    [Fact]
    public async Task Announcements_made_on_both_instances_reach_a_subscriber_on_each_in_one_order()
    {
        var token = await A.LogInAsync(LiveHost.AdminCitizenId, "admin-password");
        var start = await AnnounceAsync(A, token, "start");
        await using var onA = await A.ConnectAsync(token);
        await using var onB = await B.ConnectAsync(token);

        // Resuming after the first announcement: whenever each subscription becomes live, it misses nothing after it.
        const string subscription = "subscription($after: Long) { announcements(afterSequence: $after) { sequence text } }";
        await onA.SubscribeAsync("a", subscription, new { after = start });
        await onB.SubscribeAsync("b", subscription, new { after = start });
        var texts = Enumerable.Range(0, 20).Select(i => $"notice {i}").ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            await AnnounceAsync(i % 2 == 0 ? A : B, token, texts[i]);
        }

        foreach (var (client, id) in new[] { (onA, "a"), (onB, "b") })
        {
            var received = new List<(long Sequence, string Text)>();
            while (received.Count < texts.Count)
            {
                var announcement = (await client.NextAsync(id)).GetProperty("data").GetProperty("announcements");
                received.Add((announcement.GetProperty("sequence").GetInt64(), announcement.GetProperty("text").GetString()!));
            }

            Assert.Equal(texts, received.Select(r => r.Text));
            Assert.Equal(Enumerable.Range(1, texts.Count).Select(i => start + i), received.Select(r => r.Sequence));
        }
    }

    [Fact]
    public async Task Readiness_includes_redis()
    {
        var ready = await B.GetAsync("/health/ready");

        using var json = JsonDocument.Parse(ready);
        Assert.Contains(json.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "redis" && c.GetProperty("status").GetString() == "Healthy");
    }

    private static JsonElement Tally(JsonElement next) => next.GetProperty("data").GetProperty("tallyUpdated");

    private static async Task<long> AnnounceAsync(LiveHost host, string token, string text)
    {
        using var response = await host.PostAsync("mutation($t:String!){ announce(text:$t){ sequence } }", new { t = text }, token);
        return response.RootElement.GetProperty("data").GetProperty("announce").GetProperty("sequence").GetInt64();
    }
}
