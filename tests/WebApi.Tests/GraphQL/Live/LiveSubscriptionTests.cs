using System.Text.Json;
using Voting.Application.Elections.ChangeElectionStatus;
using Voting.Domain.Elections;

namespace Voting.WebApi.Tests.GraphQL.Live;

/// <summary><c>tallyUpdated</c> and <c>electionStatusChanged</c> over graphql-transport-ws, fed by real votes and transitions through the outbox.</summary>
public sealed class LiveSubscriptionTests
{
    private const string TallyQuery = "subscription($id: ID!) { tallyUpdated(electionId: $id) { electionId total version asOf candidates { candidateId name votes } } }";
    private const string StatusQuery = "subscription($id: ID!, $after: Long) { electionStatusChanged(electionId: $id, afterSequence: $after) { sequence electionId status changedAt } }";

    [Fact]
    public async Task A_subscriber_sees_the_tally_as_it_stands_then_after_every_vote_and_its_version_never_goes_back()
    {
        await using var host = new LiveHost(scheduler: false);
        var (election, candidates) = await host.DemoElectionAsync();
        await host.VoteAsync(LiveHost.VoterCitizenIds[0], election, candidates[0]);
        await using var client = await host.ConnectAsync();

        await client.SubscribeAsync("t", TallyQuery, new { id = election.Value });
        var first = Tally(await client.NextAsync("t"));
        Assert.Equal(election.Value.ToString(), first.GetProperty("electionId").GetString());
        Assert.Equal(1, first.GetProperty("total").GetInt64());
        Assert.Equal(1, first.GetProperty("version").GetInt64());

        await host.VoteAsync(LiveHost.VoterCitizenIds[1], election, candidates[1]);
        await host.VoteAsync(LiveHost.VoterCitizenIds[2], election, candidates[1]);
        var versions = new List<long> { 1 };
        JsonElement latest;
        do
        {
            latest = Tally(await client.NextAsync("t"));
            versions.Add(latest.GetProperty("version").GetInt64());
        }
        while (latest.GetProperty("total").GetInt64() < 3);

        Assert.Equal(versions.Order().Distinct(), versions);
        Assert.Equal(3, versions[^1]);
        Assert.Equal([1L, 2L, 0L], latest.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("votes").GetInt64()));
    }

    [Fact]
    public async Task A_subscriber_the_results_visibility_hides_the_tally_from_is_refused_before_any_event()
    {
        await using var host = new LiveHost(scheduler: false);
        var hidden = await host.ScheduledElectionAsync(host.Clock.UtcNow, ResultsVisibility.AfterClose);
        await host.TransitionAsync(hidden, ElectionTransition.Open);
        await using var client = await host.ConnectAsync();

        await client.SubscribeAsync("hidden", TallyQuery, new { id = hidden.Value });
        await client.SubscribeAsync("unknown", TallyQuery, new { id = Guid.NewGuid() });

        // The two run concurrently: their answers may come in either order.
        var refusals = new[] { ErrorOf(await client.ReceiveAsync()), ErrorOf(await client.ReceiveAsync()) };
        Assert.Equal([("hidden", "FORBIDDEN"), ("unknown", "NOT_FOUND")], refusals.OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Status_changes_of_an_unknown_election_or_after_a_negative_sequence_are_refused_before_any_event()
    {
        await using var host = new LiveHost(scheduler: false);
        var (election, _) = await host.DemoElectionAsync();
        await using var client = await host.ConnectAsync();

        await client.SubscribeAsync("unknown", StatusQuery, new { id = Guid.NewGuid() });
        await client.SubscribeAsync("negative", StatusQuery, new { id = election.Value, after = -1 });

        var refusals = new[] { ErrorOf(await client.ReceiveAsync()), ErrorOf(await client.ReceiveAsync()) };
        Assert.Equal([("negative", "BAD_USER_INPUT"), ("unknown", "NOT_FOUND")], refusals.OrderBy(r => r.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_drafts_status_changes_are_watched_by_a_signed_in_official_and_hidden_from_others()
    {
        await using var host = new LiveHost(scheduler: false);
        var draft = await host.DraftElectionAsync();
        await using var official = await host.ConnectAsync(await host.LogInAsync(LiveHost.AdminCitizenId, "admin-password"));
        await using var voter = await host.ConnectAsync(await host.LogInAsync(LiveHost.VoterCitizenIds[0], "voter-password"));

        await voter.SubscribeAsync("s", StatusQuery, new { id = draft.Value });
        Assert.Equal(("s", "NOT_FOUND"), ErrorOf(await voter.ReceiveAsync()));

        await official.SubscribeAsync("s", StatusQuery, new { id = draft.Value, after = await host.StatusTopicPositionAsync(draft) });
        await host.TransitionAsync(draft, ElectionTransition.Schedule);
        Assert.Equal("SCHEDULED", (await NextChangeToAsync(official, "s", "SCHEDULED")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_changes_arrive_as_an_officer_opens_and_closes_and_a_resume_replays_those_after_its_sequence()
    {
        await using var host = new LiveHost(scheduler: false);
        var election = await host.ScheduledElectionAsync(host.Clock.UtcNow, ResultsVisibility.Live);
        await using var client = await host.ConnectAsync();
        await client.SubscribeAsync("s", StatusQuery, new { id = election.Value, after = await host.StatusTopicPositionAsync(election) });

        await host.TransitionAsync(election, ElectionTransition.Open);
        var opened = await NextChangeToAsync(client, "s", "OPEN");
        host.Clock.MoveTo(host.Clock.UtcNow.AddHours(2));
        await host.TransitionAsync(election, ElectionTransition.Close);
        var closed = await NextChangeToAsync(client, "s", "CLOSED");

        Assert.Equal(("OPEN", "CLOSED"), (opened.GetProperty("status").GetString(), closed.GetProperty("status").GetString()));
        Assert.Equal(election.Value.ToString(), closed.GetProperty("electionId").GetString());
        Assert.True(closed.GetProperty("sequence").GetInt64() > opened.GetProperty("sequence").GetInt64());

        await using var resumed = await host.ConnectAsync();
        await resumed.SubscribeAsync("r", StatusQuery, new { id = election.Value, after = opened.GetProperty("sequence").GetInt64() });
        Assert.Equal(closed.GetRawText(), Change(await resumed.NextAsync("r")).GetRawText());
    }

    [Fact]
    public async Task The_scheduler_opens_and_closes_an_election_on_time_and_subscribers_see_both()
    {
        await using var host = new LiveHost(scheduler: true);
        var opensAt = host.Clock.UtcNow.AddHours(1);
        var election = await host.ScheduledElectionAsync(opensAt, ResultsVisibility.Live);
        await using var client = await host.ConnectAsync();
        await client.SubscribeAsync("s", StatusQuery, new { id = election.Value, after = await host.StatusTopicPositionAsync(election) });

        host.Clock.MoveTo(opensAt);
        var opened = await NextChangeToAsync(client, "s", "OPEN");
        host.Clock.MoveTo(opensAt.AddHours(1));
        var closed = await NextChangeToAsync(client, "s", "CLOSED");

        Assert.Equal(("OPEN", opensAt), (opened.GetProperty("status").GetString(), opened.GetProperty("changedAt").GetDateTimeOffset()));
        Assert.Equal(("CLOSED", opensAt.AddHours(1)), (closed.GetProperty("status").GetString(), closed.GetProperty("changedAt").GetDateTimeOffset()));
    }

    /// <summary>The next change to <paramref name="status"/>, past any repeat of an earlier status (the outbox may deliver the scheduling after the test's position).</summary>
    private static async Task<JsonElement> NextChangeToAsync(Support.GraphQLWebSocketClient client, string id, string status)
    {
        while (true)
        {
            var change = Change(await client.NextAsync(id));
            if (change.GetProperty("status").GetString() == status)
            {
                return change;
            }

            Assert.Contains(change.GetProperty("status").GetString(), new[] { "DRAFT", "SCHEDULED" });
        }
    }

    private static JsonElement Tally(JsonElement payload) => payload.GetProperty("data").GetProperty("tallyUpdated");

    private static JsonElement Change(JsonElement payload) => payload.GetProperty("data").GetProperty("electionStatusChanged");

    private static (string? Id, string? Code) ErrorOf(JsonElement message)
    {
        Assert.Equal("error", message.GetProperty("type").GetString());
        return (message.GetProperty("id").GetString(), message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
