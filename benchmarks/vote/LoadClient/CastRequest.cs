using System.Globalization;
using System.Text;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// One load loop's castVote request as HTTP/1.1 bytes, rebuilt in the same buffer for every vote: the
/// request line and the headers up to <c>Bearer </c> never change and are written once, then the voter's
/// token, then the rest, made once per candidate at start-up (<c>Content-Length</c>, the blank line and
/// the JSON body: the mutation and its variables).
/// </summary>
internal sealed class CastRequest
{
    private readonly VoterTokens _tokens;
    private readonly byte[][] _tails;
    private readonly byte[] _buffer;
    private readonly int _tokenAt;

    /// <param name="url">The GraphQL endpoint: its path and query go in the request line, its authority in <c>Host</c>.</param>
    /// <param name="bodies">The JSON body for each candidate, in the order of <see cref="For"/>'s <c>candidate</c>.</param>
    public CastRequest(Uri url, VoterTokens tokens, IReadOnlyList<byte[]> bodies)
    {
        _tokens = tokens;
        var prefix = Encoding.ASCII.GetBytes(
            $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nAuthorization: Bearer ");
        _tails = [.. bodies.Select(body => (byte[])[.. Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\r\nContent-Length: {body.Length}\r\n\r\n")), .. body])];
        _buffer = new byte[prefix.Length + VoterTokens.MaxLength + _tails.Max(t => t.Length)];
        prefix.CopyTo(_buffer, 0);
        _tokenAt = prefix.Length;
    }

    /// <summary>Voter <paramref name="voter"/>'s vote for candidate <paramref name="candidate"/>, with a token minted now. Valid until the next call.</summary>
    public ReadOnlyMemory<byte> For(long voter, int candidate)
    {
        var at = _tokenAt + _tokens.Write(voter, _buffer.AsSpan(_tokenAt, VoterTokens.MaxLength));
        var tail = _tails[candidate];
        tail.CopyTo(_buffer, at);
        return _buffer.AsMemory(0, at + tail.Length);
    }
}
