using Voting.Benchmarks.Votes;
using Voting.Benchmarks.WebSockets;

namespace Voting.Benchmarks.Chat;

/// <summary>One public room, created by user 1 and joined by every other user, the joins spread over both instances.</summary>
internal sealed class RoomSetup(Options options)
{
    private readonly Uri[] _urls = [.. options.Text("urls").Split(',').Select(u => new Uri(u))];
    private readonly VoterTokens _tokens = new(options.Text("signing-key"));
    private readonly int _users = options.Integer("users", 2100);
    private readonly int _parallel = options.Integer("parallel", 16);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = GraphQLHttp.KeepAliveClient(_parallel);
        var clients = _urls.Select(u => new GraphQLHttp(http, u)).ToArray();
        var created = await clients[0].RequireAsync(
            "createRoom", "mutation { createRoom(input: { kind: PUBLIC, name: \"Fan-out\" }) { id } }", null, _tokens.For(1), cancellationToken)
            .ConfigureAwait(false);
        var room = created.GetProperty("createRoom").GetProperty("id").GetString()!;
        var started = DateTime.UtcNow;
        var body = GraphQLHttp.Body("mutation($room: ID!) { joinRoom(roomId: $room) { role } }", new { room });
        await Parallel.ForAsync(2, _users + 1, new ParallelOptions { MaxDegreeOfParallelism = _parallel, CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var (_, code) = await clients[n % clients.Length].PostAsync(body, _tokens.For(n), ct).ConfigureAwait(false);
            if (code is not null)
            {
                throw new InvalidOperationException($"joinRoom for user {n} failed: {code}.");
            }
        }).ConfigureAwait(false);
        Console.Error.WriteLine($"  {_users - 1} users joined in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        Console.WriteLine($"ROOM {room}");
        return 0;
    }
}
