using System.Text.Json;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.Chat;

/// <summary>Unban, handing a room over, and live streams that end with the subscriber's access.</summary>
public sealed class ChatModerationTests
{
    private const string CreateRoom = "mutation($kind:RoomKind!){ createRoom(input:{kind:$kind, name:\"Lobby\"}){ id } }";
    private const string Join = "mutation($room:ID!){ joinRoom(roomId:$room){ status } }";
    private const string Invite = "mutation($room:ID!,$user:ID!){ inviteToRoom(input:{roomId:$room, userId:$user}){ status } }";
    private const string Kick = "mutation($room:ID!,$user:ID!){ kickMember(input:{roomId:$room, userId:$user}){ status } }";
    private const string Ban = "mutation($room:ID!,$user:ID!){ banMember(input:{roomId:$room, userId:$user}){ status } }";
    private const string Unban = "mutation($room:ID!,$user:ID!){ unbanMember(input:{roomId:$room, userId:$user}){ userId status role } }";
    private const string Transfer = "mutation($room:ID!,$user:ID!){ transferRoomOwnership(input:{roomId:$room, userId:$user}){ userId role } }";
    private const string Leave = "mutation($room:ID!){ leaveRoom(roomId:$room) }";
    private const string Send = "mutation($room:ID!,$text:String!,$cid:String!){ sendMessage(input:{roomId:$room, text:$text, clientMessageId:$cid}){ sequence } }";
    private const string RoomEvents = "subscription($room:ID!,$after:Long){ roomEvents(roomId:$room, afterSequence:$after){ sequence kind subjectId message { text } } }";

    [Fact]
    public async Task A_kicked_subscriber_gets_the_kick_then_its_stream_ends_while_others_go_on()
    {
        await using var host = new ChatHost();
        var (alice, bob, carol) = (await host.VoterAsync(0), await host.VoterAsync(1), await host.VoterAsync(2));
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        await host.DataAsync(Join, new { room }, bob.Token);
        await host.DataAsync(Join, new { room }, carol.Token);
        await using var ofBob = await host.ConnectAsync(bob.Token);
        await using var ofCarol = await host.ConnectAsync(carol.Token);
        // From the room's last sequence, not from "now": a subscription still being set up when the next
        // message is sent then replays it instead of missing it.
        var last = await LastSequenceAsync(host, alice.Token, room);
        await ofBob.SubscribeAsync("r", RoomEvents, new { room, after = last });
        await ofCarol.SubscribeAsync("r", RoomEvents, new { room, after = last });
        await SendAsync(host, alice.Token, room, "in place");
        Assert.Equal("in place", Text(await ofBob.NextAsync("r")));
        Assert.Equal("in place", Text(await ofCarol.NextAsync("r")));

        await host.DataAsync(Kick, new { room, user = bob.Id }, alice.Token);
        await SendAsync(host, alice.Token, room, "after the kick");

        var kick = Entry(await ofBob.NextAsync("r"));
        Assert.Equal(("MEMBER_KICKED", bob.Id.ToString()), (kick.GetProperty("kind").GetString(), kick.GetProperty("subjectId").GetString()));
        var end = await ofBob.ReceiveAsync();
        Assert.Equal(("error", "r"), (end.GetProperty("type").GetString(), end.GetProperty("id").GetString()));
        var error = end.GetProperty("payload")[0].GetProperty("extensions");
        Assert.Equal(("NOT_A_MEMBER", kick.GetProperty("sequence").GetInt64()), (error.GetProperty("code").GetString(), error.GetProperty("lastSequence").GetInt64()));
        Assert.Equal("MEMBER_KICKED", Entry(await ofCarol.NextAsync("r")).GetProperty("kind").GetString());
        Assert.Equal("after the kick", Text(await ofCarol.NextAsync("r")));
    }

    [Fact]
    public async Task A_banned_member_loses_the_typing_and_presence_of_a_private_room_with_BANNED()
    {
        await using var host = new ChatHost();
        var (alice, bob) = (await host.VoterAsync(0), await host.VoterAsync(1));
        var room = await CreateRoomAsync(host, alice.Token, "PRIVATE");
        await host.DataAsync(Invite, new { room, user = bob.Id }, alice.Token);
        await host.DataAsync(Join, new { room }, bob.Token);
        await using var socket = await host.ConnectAsync(bob.Token);
        await socket.SubscribeAsync("presence", "subscription($room:ID!){ presence(roomId:$room){ userIds } }", new { room });
        Assert.Equal(bob.Id.ToString(), (await socket.NextAsync("presence")).GetProperty("data").GetProperty("presence").GetProperty("userIds")[0].GetString());
        await socket.SubscribeAsync("typing", "subscription($room:ID!){ typing(roomId:$room){ userId } }", new { room });
        await TypingReachesAsync(host, socket, alice.Token, room);

        await host.DataAsync(Ban, new { room, user = bob.Id }, alice.Token);

        var ends = new Dictionary<string, string?>();
        while (ends.Count < 2)
        {
            var message = await socket.ReceiveAsync();
            if (message.GetProperty("type").GetString() == "error")
            {
                ends[message.GetProperty("id").GetString()!] = message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString();
            }
        }

        Assert.Equal([("presence", "BANNED"), ("typing", "BANNED")], ends.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public async Task The_owner_hands_the_room_over_before_leaving_and_leaving_ends_their_stream()
    {
        await using var host = new ChatHost();
        var (alice, bob) = (await host.VoterAsync(0), await host.VoterAsync(1));
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        await host.DataAsync(Join, new { room }, bob.Token);

        Assert.Equal("OWNERSHIP_TRANSFER_REQUIRED", Code(await host.ErrorAsync(Leave, new { room }, alice.Token)));
        Assert.Equal("FORBIDDEN", Code(await host.ErrorAsync(Transfer, new { room, user = alice.Id }, bob.Token)));
        var handed = (await host.DataAsync(Transfer, new { room, user = bob.Id }, alice.Token)).GetProperty("transferRoomOwnership");
        Assert.Equal((bob.Id.ToString(), "OWNER"), (handed.GetProperty("userId").GetString(), handed.GetProperty("role").GetString()));
        var members = (await host.DataAsync("query($room:ID!){ room(id:$room){ members { userId role } } }", new { room }, bob.Token)).GetProperty("room").GetProperty("members");
        Assert.Equal(
            [(bob.Id.ToString(), "OWNER"), (alice.Id.ToString(), "MODERATOR")],
            members.EnumerateArray().Select(m => (m.GetProperty("userId").GetString(), m.GetProperty("role").GetString())));

        await using var ofAlice = await host.ConnectAsync(alice.Token);
        await ofAlice.SubscribeAsync("r", RoomEvents, new { room, after = await LastSequenceAsync(host, alice.Token, room) });
        await SendAsync(host, bob.Token, room, "in place");
        Assert.Equal("in place", Text(await ofAlice.NextAsync("r")));
        Assert.True((await host.DataAsync(Leave, new { room }, alice.Token)).GetProperty("leaveRoom").GetBoolean());

        Assert.Equal("MEMBER_LEFT", Entry(await ofAlice.NextAsync("r")).GetProperty("kind").GetString());
        var end = await ofAlice.ReceiveAsync();
        Assert.Equal(("error", "NOT_A_MEMBER"), (end.GetProperty("type").GetString(), Code(end.GetProperty("payload")[0])));
    }

    [Fact]
    public async Task An_unbanned_user_rejoins_and_a_resume_across_their_old_ban_goes_on()
    {
        await using var host = new ChatHost();
        var (alice, bob) = (await host.VoterAsync(0), await host.VoterAsync(1));
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        await host.DataAsync(Join, new { room }, bob.Token);
        await host.DataAsync(Ban, new { room, user = bob.Id }, alice.Token);
        Assert.Equal("BANNED", Code(await host.ErrorAsync(Join, new { room }, bob.Token)));

        var unbanned = (await host.DataAsync(Unban, new { room, user = bob.Id }, alice.Token)).GetProperty("unbanMember");
        Assert.Equal(("LEFT", "MEMBER"), (unbanned.GetProperty("status").GetString(), unbanned.GetProperty("role").GetString()));
        Assert.Equal("INVALID_STATE", Code(await host.ErrorAsync(Unban, new { room, user = bob.Id }, alice.Token)));
        await host.DataAsync(Join, new { room }, bob.Token);

        // Sequences: 1 alice joined, 2 bob joined, 3 his welcome, 4 banned, 5 unbanned, 6 joined again.
        await using var ofBob = await host.ConnectAsync(bob.Token);
        await ofBob.SubscribeAsync("r", RoomEvents, new { room, after = 3L });
        var replayed = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            replayed.Add(Entry(await ofBob.NextAsync("r")).GetProperty("kind").GetString());
        }

        await SendAsync(host, alice.Token, room, "welcome back");
        Assert.Equal(["MEMBER_BANNED", "MEMBER_UNBANNED", "MEMBER_JOINED"], replayed);
        Assert.Equal("welcome back", Text(await ofBob.NextAsync("r")));
    }

    // Alice signals until one reaches the watcher: its subscription is then in place.
    private static async Task TypingReachesAsync(ChatHost host, GraphQLWebSocketClient watcher, string token, string room)
    {
        var arrived = watcher.NextAsync("typing");
        while (!arrived.IsCompleted)
        {
            host.Clock.MoveTo(host.Clock.UtcNow.AddSeconds(2));
            await host.DataAsync("mutation($room:ID!){ sendTyping(roomId:$room) }", new { room }, token);
            await Task.WhenAny(arrived, Task.Delay(100, TestContext.Current.CancellationToken));
        }

        await arrived;
    }

    private static async Task<string> CreateRoomAsync(ChatHost host, string token, string kind) =>
        (await host.DataAsync(CreateRoom, new { kind }, token)).GetProperty("createRoom").GetProperty("id").GetString()!;

    private static async Task<long> LastSequenceAsync(ChatHost host, string token, string room) =>
        (await host.DataAsync("query($room:ID!){ room(id:$room){ lastSequence } }", new { room }, token)).GetProperty("room").GetProperty("lastSequence").GetInt64();

    private static Task SendAsync(ChatHost host, string token, string room, string text) => host.DataAsync(Send, new { room, text, cid = Guid.NewGuid().ToString("N") }, token);

    private static JsonElement Entry(JsonElement payload) => payload.GetProperty("data").GetProperty("roomEvents");

    private static string? Text(JsonElement payload) => Entry(payload).GetProperty("message").GetProperty("text").GetString();

    private static string? Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString();
}
