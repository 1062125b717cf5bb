using System.Security.Cryptography;
using System.Text;
using Voting.Benchmarks.WebSockets;

namespace Voting.Benchmarks.Chat;

/// <summary>
/// The opening handshake of RFC 6455 section 4 for one connection: an HTTP/1.1 GET asking to upgrade to a
/// WebSocket speaking graphql-transport-ws, and the check of the server's answer: 101, the upgrade, the key's
/// proof (<c>Sec-WebSocket-Accept</c>) and the subprotocol.
/// </summary>
internal sealed class Upgrade
{
    private const string KeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>An answer's head longer than this is no answer to an upgrade.</summary>
    private const int MaxHeadBytes = 8192;

    private readonly string _accept;

    public Upgrade(Uri url)
    {
        // "a nonce consisting of a randomly selected 16-byte value that has been base64-encoded" (section 4.1).
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
#pragma warning disable CA5350 // RFC 6455 section 4.2.2 defines the accept value as the SHA-1 of the key and its GUID.
        _accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + KeyGuid)));
#pragma warning restore CA5350
        Request = Encoding.ASCII.GetBytes(
            $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: {Protocol.SubProtocol}\r\n\r\n");
    }

    public byte[] Request { get; }

    /// <summary>
    /// Reads the answer at the start of <paramref name="data"/>: the length of its head (the frames follow it), or 0
    /// while it has not all arrived; -1 when the server refused or answered wrongly (<paramref name="refused"/> says how).
    /// </summary>
    public int ReadAnswer(ReadOnlySpan<byte> data, out string? refused)
    {
        refused = null;
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (data.Length > MaxHeadBytes)
            {
                refused = "an answer to the upgrade without an end to its head";
                return -1;
            }

            return 0;
        }

        var lines = Encoding.ASCII.GetString(data[..end]).Split("\r\n");
        if (!lines[0].StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            refused = $"the upgrade was refused: {lines[0]}";
            return -1;
        }

        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(h => h.Length == 2)
            .GroupBy(h => h[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(h => h[1].Trim())), StringComparer.OrdinalIgnoreCase);
        refused =
            !headers.TryGetValue("Upgrade", out var upgrade) || !upgrade.Equals("websocket", StringComparison.OrdinalIgnoreCase) ? "no Upgrade: websocket in the 101"
            : !headers.TryGetValue("Sec-WebSocket-Accept", out var accept) || accept != _accept ? $"a wrong Sec-WebSocket-Accept: {accept}"
            : !headers.TryGetValue("Sec-WebSocket-Protocol", out var protocol) || protocol != Protocol.SubProtocol ? $"the subprotocol {protocol ?? "(none)"} instead of {Protocol.SubProtocol}"
            : headers.ContainsKey("Sec-WebSocket-Extensions") ? "an extension the client did not ask for"
            : null;
        return refused is null ? end + 4 : -1;
    }
}
