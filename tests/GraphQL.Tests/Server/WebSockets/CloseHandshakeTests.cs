using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Server;
using Voting.GraphQL.Server.WebSockets;

namespace Voting.GraphQL.Tests.Server.WebSockets;

/// <summary>
/// The close handshake over a real socket (Kestrel, not TestServer): the receive loop waits with no token,
/// so a client that never answers the server's close frame must still lose its connection, by the
/// abort the server arms when it closes.
/// </summary>
public sealed class CloseHandshakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_that_never_answers_the_close_frame_is_disconnected()
    {
        await using var app = await StartKestrelAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, address.Port, Ct);
        var stream = client.GetStream();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n" +
            $"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: {GraphQLTransportWsTransport.SubProtocol}\r\n\r\n"), Ct);
        Assert.StartsWith("HTTP/1.1 101", await ReadUpgradeAnswerAsync(stream));

        await stream.WriteAsync(MaskedTextFrame("not json"), Ct);

        // The server's close frame (opcode 8) with 4400, which the client leaves unanswered.
        var frame = new byte[2];
        await stream.ReadExactlyAsync(frame, Ct);
        Assert.Equal(0x88, frame[0]);
        var payload = new byte[frame[1]];
        await stream.ReadExactlyAsync(payload, Ct);
        Assert.Equal(4400, (payload[0] << 8) | payload[1]);

        // Then the connection ends (the server gives the client 5 s): the read sees the end of the stream or a
        // reset, not more frames. The minute is only a guard so that a server that never lets go fails the test.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        var rest = new byte[16];
        try
        {
            Assert.Equal(0, await stream.ReadAsync(rest, guard.Token));
        }
        catch (IOException e) when (e.InnerException is SocketException)
        {
            // Reset: the socket was aborted rather than shut down.
        }
    }

    private static async Task<WebApplication> StartKestrelAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddGraphQLServer().AddQueryType<ServerTestQuery>().AddWebSocketTransport();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapGraphQL("/graphql");
        await app.StartAsync(Ct);
        return app;
    }

    private static async Task<string> ReadUpgradeAnswerAsync(NetworkStream stream)
    {
        var answer = new StringBuilder();
        var one = new byte[1];
        while (!answer.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await stream.ReadExactlyAsync(one, Ct);
            answer.Append((char)one[0]);
        }

        return answer.ToString();
    }

    /// <summary>A client's text frame: final, masked (RFC 6455 5.3), payload under 126 bytes.</summary>
    private static byte[] MaskedTextFrame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var mask = RandomNumberGenerator.GetBytes(4);
        var frame = new byte[6 + payload.Length];
        frame[0] = 0x81;
        frame[1] = (byte)(0x80 | payload.Length);
        mask.CopyTo(frame, 2);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }

        return frame;
    }
}
