using System.Text.Json;

namespace Voting.WebApi.Tests.GraphQL.Chat;

public sealed class ChatApiTests
{
    private const string CreateRoom = "mutation($kind:RoomKind!,$name:String!){ createRoom(input:{kind:$kind, name:$name}){ id kind name members { userId role } } }";
    private const string Join = "mutation($room:ID!){ joinRoom(roomId:$room){ role status } }";
    private const string Send = "mutation($room:ID!,$text:String!,$cid:String!){ sendMessage(input:{roomId:$room, text:$text, clientMessageId:$cid}){ id sequence text authorId } }";
    private const string Messages = "query($room:ID!){ messages(roomId:$room){ messages { sequence kind notice text } hasPreviousPage hasNextPage } }";
    private const string RoomEvents = "subscription($room:ID!,$after:Long){ roomEvents(roomId:$room, afterSequence:$after){ sequence kind message { text } } }";

    [Fact]
    public async Task Members_send_retry_read_and_mark_read_over_http_with_text_kept_verbatim()
    {
        await using var host = new ChatHost();
        var alice = await host.VoterAsync(0);
        var bob = await host.VoterAsync(1);
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        await host.DataAsync(Join, new { room }, bob.Token);
        const string payload = "<script>alert('x')</script> & <b>bold</b>\n";

        var sent = await SendAsync(host, bob.Token, room, payload, "c1");
        var retried = await SendAsync(host, bob.Token, room, payload, "c1");
        var conflict = await host.ErrorAsync(Send, new { room, text = "other", cid = "c1" }, bob.Token);

        Assert.Equal(sent.GetProperty("id").GetString(), retried.GetProperty("id").GetString());
        Assert.Equal((payload, bob.Id.ToString()), (sent.GetProperty("text").GetString(), sent.GetProperty("authorId").GetString()));
        Assert.Equal("CONFLICT", Code(conflict));
        var page = (await host.DataAsync(Messages, new { room }, alice.Token)).GetProperty("messages");
        Assert.Equal(
            [("SYSTEM", "WELCOME"), ("USER", null)],
            page.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("kind").GetString(), m.GetProperty("notice").GetString())));
        Assert.Equal(payload, page.GetProperty("messages")[1].GetProperty("text").GetString());

        var mine = await host.DataAsync("{ myRooms { id unreadCount lastSequence } }", token: alice.Token);
        var entry = mine.GetProperty("myRooms").EnumerateArray().Single(r => r.GetProperty("id").GetString() == room);
        Assert.Equal(2, entry.GetProperty("unreadCount").GetInt32());
        var marked = await host.DataAsync("mutation($room:ID!,$s:Long!){ markRead(input:{roomId:$room, sequence:$s}) }", new { room, s = entry.GetProperty("lastSequence").GetInt64() }, alice.Token);
        Assert.Equal(entry.GetProperty("lastSequence").GetInt64(), marked.GetProperty("markRead").GetInt64());
    }

    [Fact]
    public async Task The_sixth_message_in_five_seconds_is_rate_limited_with_the_wait()
    {
        await using var host = new ChatHost();
        var alice = await host.VoterAsync(0);
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(host, alice.Token, room, $"m{i}", $"c{i}");
        }

        var limited = await host.ErrorAsync(Send, new { room, text = "m5", cid = "c5" }, alice.Token);

        Assert.Equal("RATE_LIMITED", Code(limited));
        Assert.Equal(5, limited.GetProperty("extensions").GetProperty("retryAfter").GetInt32());
        host.Clock.MoveTo(host.Clock.UtcNow.AddSeconds(5));
        await SendAsync(host, alice.Token, room, "m5", "c5");
    }

    [Fact]
    public async Task A_private_room_is_closed_to_non_members_and_its_events_too()
    {
        await using var host = new ChatHost();
        var alice = await host.VoterAsync(0);
        var bob = await host.VoterAsync(1);
        var room = await CreateRoomAsync(host, alice.Token, "PRIVATE");

        Assert.Equal("NOT_A_MEMBER", Code(await host.ErrorAsync(Messages, new { room }, bob.Token)));
        Assert.Equal("FORBIDDEN", Code(await host.ErrorAsync(Join, new { room }, bob.Token)));
        Assert.Equal("NOT_A_MEMBER", Code(await host.ErrorAsync(Send, new { room, text = "hi", cid = "x" }, bob.Token)));
        Assert.Equal("ROOM_NOT_FOUND", Code(await host.ErrorAsync(Messages, new { room = Guid.NewGuid() }, bob.Token)));

        await using var client = await host.ConnectAsync(bob.Token);
        await client.SubscribeAsync("private", RoomEvents, new { room, after = (long?)null });
        var refusal = await client.ReceiveAsync();
        Assert.Equal("error", refusal.GetProperty("type").GetString());
        Assert.Equal("NOT_A_MEMBER", refusal.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_subscriber_gets_messages_live_in_order_and_a_resume_replays_what_it_missed_once()
    {
        await using var host = new ChatHost();
        var alice = await host.VoterAsync(0);
        var bob = await host.VoterAsync(1);
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        await host.DataAsync(Join, new { room }, bob.Token);

        await using (var live = await host.ConnectAsync(alice.Token))
        {
            // After the join and its welcome (sequences 1 to 3): whether the sends below land before or after
            // the subscription is in place, the log and the topic between them give each once.
            await live.SubscribeAsync("live", RoomEvents, new { room, after = 3L });
            await SendAsync(host, bob.Token, room, "one", "1");
            await SendAsync(host, bob.Token, room, "two", "2");
            var first = Event(await live.NextAsync("live"));
            var second = Event(await live.NextAsync("live"));
            Assert.Equal([(4L, "one"), (5L, "two")], [first, second]);
        }

        // Offline: three more, then resume after the last seen.
        for (var i = 3; i <= 5; i++)
        {
            await SendAsync(host, bob.Token, room, $"m{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await using var resumed = await host.ConnectAsync(alice.Token);
        await resumed.SubscribeAsync("resume", RoomEvents, new { room, after = 5L });
        var replayed = new List<(long, string?)>();
        for (var i = 0; i < 3; i++)
        {
            replayed.Add(Event(await resumed.NextAsync("resume")));
        }

        await SendAsync(host, alice.Token, room, "live again", "a1");
        replayed.Add(Event(await resumed.NextAsync("resume")));
        Assert.Equal([(6L, "m3"), (7L, "m4"), (8L, "m5"), (9L, "live again")], replayed);
    }

    [Fact]
    public async Task Publishes_that_arrive_late_out_of_order_or_twice_still_give_every_event_once_in_order()
    {
        var held = new HeldRoomEventPublisher();
        await using var host = new ChatHost(held);
        var alice = await host.VoterAsync(0);
        var bob = await host.VoterAsync(1);
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        await host.DataAsync(Join, new { room }, bob.Token);
        await using var client = await host.ConnectAsync(alice.Token);
        await client.SubscribeAsync("r", RoomEvents, new { room, after = 3L });

        await SendAsync(host, bob.Token, room, "m4", "4");
        await SendAsync(host, bob.Token, room, "m5", "5");
        await SendAsync(host, bob.Token, room, "m6", "6");
        await held.ReleaseAsync(6);
        var received = new List<(long, string?)>();
        for (var i = 0; i < 3; i++)
        {
            received.Add(Event(await client.NextAsync("r")));
        }

        await held.ReleaseAsync(4, 5, 6);
        await SendAsync(host, bob.Token, room, "m7", "7");
        await held.ReleaseAsync(7);
        received.Add(Event(await client.NextAsync("r")));

        Assert.Equal([(4L, "m4"), (5L, "m5"), (6L, "m6"), (7L, "m7")], received);
    }

    [Fact]
    public async Task Typing_reaches_watchers_at_most_once_per_two_seconds_per_member()
    {
        await using var host = new ChatHost();
        var alice = await host.VoterAsync(0);
        var bob = await host.VoterAsync(1);
        var room = await CreateRoomAsync(host, alice.Token, "PUBLIC");
        await host.DataAsync(Join, new { room }, bob.Token);
        await using var watcher = await host.ConnectAsync(alice.Token);
        await watcher.SubscribeAsync("typing", "subscription($room:ID!){ typing(roomId:$room){ userId at } }", new { room });

        // The watcher is in place once a signal reaches it; until then bob keeps signalling, 2 s apart.
        const string Signal = "mutation($room:ID!){ sendTyping(roomId:$room) }";
        var firstTask = watcher.NextAsync("typing");
        while (!firstTask.IsCompleted)
        {
            host.Clock.MoveTo(host.Clock.UtcNow.AddSeconds(2));
            Assert.True((await host.DataAsync(Signal, new { room }, bob.Token)).GetProperty("sendTyping").GetBoolean());
            await Task.WhenAny(firstTask, Task.Delay(100, TestContext.Current.CancellationToken));
        }

        var first = (await firstTask).GetProperty("data").GetProperty("typing");
        var throttled = await host.DataAsync(Signal, new { room }, bob.Token);
        host.Clock.MoveTo(host.Clock.UtcNow.AddSeconds(2));
        await host.DataAsync(Signal, new { room }, bob.Token);

        // Signals sent while the watcher was joining may still arrive; read on to the last one.
        var times = new List<DateTimeOffset> { first.GetProperty("at").GetDateTimeOffset() };
        while (times[^1] != host.Clock.UtcNow)
        {
            times.Add((await watcher.NextAsync("typing")).GetProperty("data").GetProperty("typing").GetProperty("at").GetDateTimeOffset());
        }

        Assert.Equal(bob.Id.ToString(), first.GetProperty("userId").GetString());
        Assert.False(throttled.GetProperty("sendTyping").GetBoolean());
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2), pair.Second - pair.First));
    }

    private static async Task<string> CreateRoomAsync(ChatHost host, string token, string kind) =>
        (await host.DataAsync(CreateRoom, new { kind, name = "Lobby" }, token)).GetProperty("createRoom").GetProperty("id").GetString()!;

    private static async Task<JsonElement> SendAsync(ChatHost host, string token, string room, string text, string clientMessageId) =>
        (await host.DataAsync(Send, new { room, text, cid = clientMessageId }, token)).GetProperty("sendMessage");

    private static (long Sequence, string? Text) Event(JsonElement payload)
    {
        var roomEvent = payload.GetProperty("data").GetProperty("roomEvents");
        return (roomEvent.GetProperty("sequence").GetInt64(), roomEvent.GetProperty("message").GetProperty("text").GetString());
    }

    private static string? Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString();
}
