using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Chat.Presence;
using Voting.Domain.Chat;
using Voting.Domain.Users;
using Voting.WebApi.GraphQL.Chat;
using Voting.WebApi.Tests.GraphQL.Live;
using Voting.WebApi.Tests.Support;

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
    private PostgresTestDatabase _database = null!;
    private LiveHost _a = null!;
    private LiveHost _b = null!;

    private static string RedisAddress =>
        Environment.GetEnvironmentVariable("VOTING_TEST_REDIS") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("VOTING_TEST_REDIS is not set: run the suites through ./test.sh, which starts redis-server on 127.0.0.1 and sets it.");

    public async ValueTask InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database.ConnectionString,
            ["Redis:Configuration"] = RedisAddress,
            ["Redis:Topics:KeyPrefix"] = $"test:{Guid.NewGuid():N}:",
        };

        // One after the other: the first migrates and seeds, the second finds it done.
        _a = new LiveHost(scheduler: false, settings);
        _ = _a.Services;
        _b = new LiveHost(scheduler: false, settings);
        _ = _b.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Watchers_on_both_instances_see_each_other_come_and_go()
    {
        var (owner, _) = await SignInAsync(_a, LiveHost.AdminCitizenId, "admin-password");
        var (ann, annId) = await SignInAsync(_a, LiveHost.VoterCitizenIds[0], "voter-password");
        var (ben, benId) = await SignInAsync(_b, LiveHost.VoterCitizenIds[1], "voter-password");
        var room = await CreateRoomAsync(_a, owner, "PUBLIC");

        await using var onA = await _a.ConnectAsync(ann);
        await onA.SubscribeAsync("p", PresenceSubscription, new { r = room });
        Assert.Equal([annId], Online(await onA.NextAsync("p")));

        var onB = await _b.ConnectAsync(ben);
        await onB.SubscribeAsync("p", PresenceSubscription, new { r = room });
        Assert.Equal(Sorted(annId, benId), Online(await onB.NextAsync("p")));
        Assert.Equal(Sorted(annId, benId), Online(await onA.NextAsync("p")));
        Assert.Equal(Sorted(annId, benId), await QueryOnlineAsync(_b, owner, room));

        await onB.DisposeAsync(); // Ben's connection drops: his instance marks him offline and says so
        Assert.Equal([annId], Online(await onA.NextAsync("p")));
        Assert.Equal([annId], await QueryOnlineAsync(_a, owner, room));
    }

    [Fact]
    public async Task A_connection_that_stopped_renewing_drops_out_when_its_expiry_passes()
    {
        var (owner, _) = await SignInAsync(_a, LiveHost.AdminCitizenId, "admin-password");
        var (_, carolId) = await SignInAsync(_a, LiveHost.VoterCitizenIds[2], "voter-password");
        var room = await CreateRoomAsync(_a, owner, "PUBLIC");

        // A connection of an instance that died: marked once on B, never renewed, never removed.
        var now = _b.Clock.UtcNow;
        await _b.Services.GetRequiredService<IPresenceStore>().MarkOnlineAsync(
            new RoomId(room), new UserId(carolId), "dead-instance", now + PresenceSubscriptions.Ttl, now, TestContext.Current.CancellationToken);
        Assert.Equal([carolId], await QueryOnlineAsync(_a, owner, room));

        _a.Clock.MoveTo(now + PresenceSubscriptions.Ttl);
        Assert.Empty(await QueryOnlineAsync(_a, owner, room));
    }

    [Fact]
    public async Task A_non_member_sees_no_presence_of_a_private_room()
    {
        var (owner, _) = await SignInAsync(_a, LiveHost.AdminCitizenId, "admin-password");
        var (outsider, _) = await SignInAsync(_b, LiveHost.VoterCitizenIds[0], "voter-password");
        var room = await CreateRoomAsync(_a, owner, "PRIVATE");

        using var query = await _b.PostAsync(PresenceQuery, new { r = room }, outsider);
        Assert.Equal("NOT_A_MEMBER", query.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        await using var socket = await _b.ConnectAsync(outsider);
        await socket.SubscribeAsync("p", PresenceSubscription, new { r = room });
        var refusal = await socket.ReceiveAsync();
        Assert.Equal("error", refusal.GetProperty("type").GetString());
        Assert.Equal("NOT_A_MEMBER", refusal.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal([Guid.Parse(await MeAsync(_a, owner))], await OwnerOnlyAsync());

        async Task<Guid[]> OwnerOnlyAsync()
        {
            // The refused subscription marked nobody: only a watcher of the owner's appears.
            await using var watcher = await _a.ConnectAsync(owner);
            await watcher.SubscribeAsync("p", PresenceSubscription, new { r = room });
            return Online(await watcher.NextAsync("p"));
        }
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
