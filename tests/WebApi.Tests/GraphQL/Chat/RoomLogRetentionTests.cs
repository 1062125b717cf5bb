using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Voting.Application.Chat.PruneRoomLog;

namespace Voting.WebApi.Tests.GraphQL.Chat;

/// <summary>roomEvents once retention has removed the oldest entries of a room's log (ADR 0028).</summary>
public sealed class RoomLogRetentionTests
{
    private const string CreateRoom = "mutation($name:String!){ createRoom(input:{kind:PUBLIC, name:$name}){ id } }";
    private const string Join = "mutation($room:ID!){ joinRoom(roomId:$room){ role } }";
    private const string Send = "mutation($room:ID!,$text:String!,$cid:String!){ sendMessage(input:{roomId:$room, text:$text, clientMessageId:$cid}){ sequence } }";
    private const string RoomEvents = "subscription($room:ID!,$after:Long){ roomEvents(roomId:$room, afterSequence:$after){ sequence message { text } } }";

    [Fact]
    public async Task A_resume_from_before_the_pruned_entries_is_RESYNC_REQUIRED_and_one_from_the_mark_replays_the_rest()
    {
        await using var host = new ChatHost();
        var alice = await host.VoterAsync(0);
        var bob = await host.VoterAsync(1);
        var room = (await host.DataAsync(CreateRoom, new { name = "Lobby" }, alice.Token)).GetProperty("createRoom").GetProperty("id").GetString()!;
        await host.DataAsync(Join, new { room }, bob.Token);
        await host.DataAsync(Send, new { room, text = "old", cid = "o" }, alice.Token);

        // Sequences 1 to 4 (joins, welcome, "old") are ten minutes old when "new" (5) is sent and a five-minute
        // retention runs. (Ten minutes, not days: the host checks access tokens against the real time.)
        host.Clock.MoveTo(host.Clock.UtcNow.AddMinutes(10));
        await host.DataAsync(Send, new { room, text = "new", cid = "n" }, bob.Token);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var pruned = await scope.ServiceProvider.GetRequiredService<PruneRoomLogHandler>()
                .HandleAsync(new PruneRoomLogCommand(TimeSpan.FromMinutes(5)), TestContext.Current.CancellationToken);
            Assert.Equal(4, pruned.Removed);
        }

        await using var client = await host.ConnectAsync(bob.Token);
        await client.SubscribeAsync("behind", RoomEvents, new { room, after = 3L });
        var refusal = await client.ReceiveAsync();
        Assert.Equal(("error", "behind"), (refusal.GetProperty("type").GetString(), refusal.GetProperty("id").GetString()));
        var extensions = refusal.GetProperty("payload")[0].GetProperty("extensions");
        Assert.Equal("RESYNC_REQUIRED", extensions.GetProperty("code").GetString());
        Assert.Equal((3L, 4L), (extensions.GetProperty("lastSequence").GetInt64(), extensions.GetProperty("prunedThroughSequence").GetInt64()));

        await client.SubscribeAsync("resumed", RoomEvents, new { room, after = 4L });
        Assert.Equal((5L, "new"), Event(await client.NextAsync("resumed")));
        await host.DataAsync(Send, new { room, text = "live", cid = "l" }, alice.Token);
        Assert.Equal((6L, "live"), Event(await client.NextAsync("resumed")));

        // The messages themselves are history and stay.
        var page = await host.DataAsync("query($room:ID!){ messages(roomId:$room){ messages { text } } }", new { room }, bob.Token);
        Assert.Contains("old", page.GetProperty("messages").GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }

    private static (long Sequence, string? Text) Event(JsonElement payload)
    {
        var roomEvent = payload.GetProperty("data").GetProperty("roomEvents");
        return (roomEvent.GetProperty("sequence").GetInt64(), roomEvent.GetProperty("message").GetProperty("text").GetString());
    }
}
