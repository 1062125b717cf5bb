using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Chat.Presence;
using Voting.Domain.Chat;
using Voting.Domain.Users;
using Voting.GraphQL.Subscriptions.Topics;
using Voting.WebApi.GraphQL.Chat;
using Voting.WebApi.Tests.GraphQL.Live;

namespace Voting.WebApi.Tests.GraphQL.Chat;

/// <summary>
/// Presence across two API instances sharing PostgreSQL and Redis (VOTING_TEST_REDIS): watching a room on
/// one instance shows who watches it on the other, a departure reaches both, and a connection whose
/// heartbeat stopped (its instance died) drops out once its expiry passes.
/// </summary>
public sealed class PresenceTests : IAsyncLifetime
{
    private const string PresenceSubscription = "subscription($r: ID!) { presence(roomId: $r) { roomId userIds at } }";
    private const string PresenceQuery = "query($r: ID!) { presence(roomId: $r) { userIds } }";
    private LiveHostPair _pair = null!;

    private LiveHost A => _pair.A;

    private LiveHost B => _pair.B;

    public async ValueTask InitializeAsync() => _pair = await LiveHostPair.StartAsync();

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    [Fact]
    public async Task Watchers_on_both_instances_see_each_other_come_and_go()
    {
        var (owner, _) = await SignInAsync(A, LiveHost.AdminCitizenId, "admin-password");
        var (ann, annId) = await SignInAsync(A, LiveHost.VoterCitizenIds[0], "voter-password");
        var (ben, benId) = await SignInAsync(B, LiveHost.VoterCitizenIds[1], "voter-password");
        var room = await CreateRoomAsync(A, owner, "PUBLIC");

        await using var onA = await A.ConnectAsync(ann);
        await onA.SubscribeAsync("p", PresenceSubscription, new { r = room });
        Assert.Equal([annId], Online(await onA.NextAsync("p")));

        var onB = await B.ConnectAsync(ben);
        await onB.SubscribeAsync("p", PresenceSubscription, new { r = room });
        Assert.Equal(Sorted(annId, benId), Online(await onB.NextAsync("p")));
        Assert.Equal(Sorted(annId, benId), Online(await onA.NextAsync("p")));
        Assert.Equal(Sorted(annId, benId), await QueryOnlineAsync(B, owner, room));

        await onB.DisposeAsync(); // Ben's connection drops: his instance marks him offline and says so
        Assert.Equal([annId], Online(await onA.NextAsync("p")));
        Assert.Equal([annId], await QueryOnlineAsync(A, owner, room));
    }

    [Fact]
    public async Task A_connection_that_stopped_renewing_drops_out_when_its_expiry_passes()
    {
        var (owner, _) = await SignInAsync(A, LiveHost.AdminCitizenId, "admin-password");
        var (_, carolId) = await SignInAsync(A, LiveHost.VoterCitizenIds[2], "voter-password");
        var room = await CreateRoomAsync(A, owner, "PUBLIC");

        // A connection of an instance that died: marked once on B, never renewed, never removed.
        var now = B.Clock.UtcNow;
        await B.Services.GetRequiredService<IPresenceStore>().MarkOnlineAsync(
            new RoomId(room), new UserId(carolId), "dead-instance", now + PresenceSubscriptions.Ttl, now, TestContext.Current.CancellationToken);
        Assert.Equal([carolId], await QueryOnlineAsync(A, owner, room));

        A.Clock.MoveTo(now + PresenceSubscriptions.Ttl);
        Assert.Empty(await QueryOnlineAsync(A, owner, room));
    }

    [Fact]
    public async Task A_non_member_sees_no_presence_of_a_private_room()
    {
        var (owner, _) = await SignInAsync(A, LiveHost.AdminCitizenId, "admin-password");
        var (outsider, _) = await SignInAsync(B, LiveHost.VoterCitizenIds[0], "voter-password");
        var room = await CreateRoomAsync(A, owner, "PRIVATE");

        using var query = await B.PostAsync(PresenceQuery, new { r = room }, outsider);
        Assert.Equal("NOT_A_MEMBER", query.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        await using var socket = await B.ConnectAsync(outsider);
        await socket.SubscribeAsync("p", PresenceSubscription, new { r = room });
        var refusal = await socket.ReceiveAsync();
        Assert.Equal("error", refusal.GetProperty("type").GetString());
        Assert.Equal("NOT_A_MEMBER", refusal.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal([Guid.Parse(await MeAsync(A, owner))], await OwnerOnlyAsync());

        async Task<Guid[]> OwnerOnlyAsync()
        {
            // The refused subscription marked nobody: only a watcher of the owner's appears.
            await using var watcher = await A.ConnectAsync(owner);
            await watcher.SubscribeAsync("p", PresenceSubscription, new { r = room });
            return Online(await watcher.NextAsync("p"));
        }
    }

    [Fact]
    public void A_presence_signal_round_trips_as_json_between_instances()
    {
        var serializer = new JsonTopicMessageSerializer();
        var signal = new PresenceSignal(Guid.NewGuid(), Guid.NewGuid(), Online: true, new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));

        Assert.Equal(signal, serializer.Deserialize<PresenceSignal>(serializer.Serialize(signal)));
    }

    private static async Task<(string Token, Guid Id)> SignInAsync(LiveHost host, string citizenId, string password)
    {
        var token = await host.LogInAsync(citizenId, password);
        return (token, Guid.Parse(await MeAsync(host, token)));
    }

    private static async Task<string> MeAsync(LiveHost host, string token)
    {
        using var me = await host.PostAsync("{ me { id } }", accessToken: token);
        return me.RootElement.GetProperty("data").GetProperty("me").GetProperty("id").GetString()!;
    }

    private static async Task<Guid> CreateRoomAsync(LiveHost host, string token, string kind)
    {
        using var created = await host.PostAsync(
            "mutation($k: RoomKind!) { createRoom(input: { kind: $k, name: \"Presence\" }) { id } }", new { k = kind }, token);
        return Guid.Parse(created.RootElement.GetProperty("data").GetProperty("createRoom").GetProperty("id").GetString()!);
    }

    private static async Task<Guid[]> QueryOnlineAsync(LiveHost host, string token, Guid room)
    {
        using var result = await host.PostAsync(PresenceQuery, new { r = room }, token);
        return [.. result.RootElement.GetProperty("data").GetProperty("presence").GetProperty("userIds").EnumerateArray().Select(u => Guid.Parse(u.GetString()!))];
    }

    private static Guid[] Online(JsonElement next) =>
        [.. next.GetProperty("data").GetProperty("presence").GetProperty("userIds").EnumerateArray().Select(u => Guid.Parse(u.GetString()!))];

    private static Guid[] Sorted(params Guid[] users) => [.. users.Order()];
}
