using System.Text.Json;
using Voting.WebApi.Tests.GraphQL.Live;

namespace Voting.WebApi.Tests.GraphQL.Chat;

/// <summary>
/// A kick made on one instance ends the kicked member's streams on the other: the kick's log entry reaches them
/// through the Redis topic bus (VOTING_TEST_REDIS) like every other entry, with no per-instance registry.
/// </summary>
public sealed class RoomExitAcrossInstancesTests : IAsyncLifetime
{
    private LiveHostPair _pair = null!;

    public async ValueTask InitializeAsync() => _pair = await LiveHostPair.StartAsync();

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    [Fact]
    public async Task A_kick_on_one_instance_ends_the_members_room_events_and_typing_on_the_other()
    {
        var (a, b) = (_pair.A, _pair.B);
        var owner = await a.LogInAsync(LiveHost.AdminCitizenId, "admin-password");
        var member = await b.LogInAsync(LiveHost.VoterCitizenIds[0], "voter-password");
        var memberId = await DataAsync(b, "{ me { id } }", null, member, "me", "id");
        var room = await DataAsync(a, "mutation{ createRoom(input:{kind:PRIVATE, name:\"Board\"}){ id } }", null, owner, "createRoom", "id");
        await DataAsync(a, "mutation($r:ID!,$u:ID!){ inviteToRoom(input:{roomId:$r, userId:$u}){ status } }", new { r = room, u = memberId }, owner, "inviteToRoom", "status");
        await DataAsync(b, "mutation($r:ID!){ joinRoom(roomId:$r){ status } }", new { r = room }, member, "joinRoom", "status");

        await using var socket = await b.ConnectAsync(member);
        // From the room's last sequence, so the kick is replayed if the stream is still being set up when it comes.
        var last = long.Parse(await DataAsync(b, "query($r:ID!){ room(id:$r){ lastSequence } }", new { r = room }, member, "room", "lastSequence"), System.Globalization.CultureInfo.InvariantCulture);
        await socket.SubscribeAsync("events", "subscription($r:ID!,$after:Long){ roomEvents(roomId:$r, afterSequence:$after){ sequence kind } }", new { r = room, after = last });
        await socket.SubscribeAsync("typing", "subscription($r:ID!){ typing(roomId:$r){ userId } }", new { r = room });

        // Both streams are in place once a signal sent on A reaches the typing stream on B (signals sent
        // earlier are lost, so A signals every 2 seconds of its clock until one arrives).
        var typed = NextOfAsync(socket, "typing");
        while (!typed.IsCompleted)
        {
            a.Clock.MoveTo(a.Clock.UtcNow.AddSeconds(2));
            await DataAsync(a, "mutation($r:ID!){ sendTyping(roomId:$r) }", new { r = room }, owner, "sendTyping");
            await Task.WhenAny(typed, Task.Delay(100, TestContext.Current.CancellationToken));
        }

        await typed;
        await DataAsync(a, "mutation($r:ID!,$u:ID!){ kickMember(input:{roomId:$r, userId:$u}){ status } }", new { r = room, u = memberId }, owner, "kickMember", "status");

        var seen = new List<(string Id, string Type, string? What)>();
        while (seen.Count(m => m.Type == "error") < 2)
        {
            var message = await socket.ReceiveAsync();
            var type = message.GetProperty("type").GetString()!;
            if (type is "next" or "error" && message.GetProperty("id").GetString() is { } id && (type == "error" || id == "events"))
            {
                seen.Add((id, type, type == "error"
                    ? message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()
                    : message.GetProperty("payload").GetProperty("data").GetProperty("roomEvents").GetProperty("kind").GetString()));
            }
        }

        Assert.Equal(("events", "next", "MEMBER_KICKED"), seen.First(m => m.Id == "events"));
        Assert.Equal(
            [("events", "NOT_A_MEMBER"), ("typing", "NOT_A_MEMBER")],
            seen.Where(m => m.Type == "error").Select(m => (m.Id, m.What)).OrderBy(m => m.Id, StringComparer.Ordinal));
    }

    // The next `next` of one subscription, skipping those of the others.
    private static async Task<JsonElement> NextOfAsync(Support.GraphQLWebSocketClient socket, string id)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync();
            if (message.GetProperty("type").GetString() == "next" && message.GetProperty("id").GetString() == id)
            {
                return message;
            }
        }
    }

    private static async Task<string> DataAsync(LiveHost host, string query, object? variables, string token, params string[] path)
    {
        using var response = await host.PostAsync(query, variables, token);
        Assert.False(response.RootElement.TryGetProperty("errors", out var errors), errors.ToString());
        var value = response.RootElement.GetProperty("data");
        foreach (var step in path)
        {
            value = value.GetProperty(step);
        }

        return value.ToString();
    }
}
