using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// Mints the access tokens the server would issue at login (src/WebApi/Identity/AccessTokens.cs):
/// HS256 with the benchmark's signing key, issuer <c>voting</c>, audience <c>voting-api</c>, <c>sub</c> the
/// user ID, <c>role</c> ["Voter"]. Logging in 100,000 voters would cost a PBKDF2 hash each; castVote
/// reads only the token, so a token from the same key and claims is all it needs. The <c>sid</c> and
/// <c>jti</c> are random: castVote does not look the session up.
/// </summary>
/// <remarks>
/// One token per vote, each for another voter, in the load loop that shares the CPU with the server: so the
/// token is written straight into the caller's request buffer, the payload from a fixed template, and
/// nothing is allocated (no strings, no JSON serializer, the HMAC into a stack buffer). One instance per
/// loop: it keeps an HMAC keyed once, which costs half what a one-shot <c>HMACSHA256.HashData</c> does (that
/// keys a new one every call), and is not thread-safe.
/// </remarks>
internal sealed class VoterTokens(string signingKey) : IDisposable
{
    /// <summary>Room enough for any token <see cref="Write"/> makes (about 400 bytes).</summary>
    public const int MaxLength = 512;

    private readonly Lock _forGate = new();

    private const int MaxPayloadLength = 256;

    /// <summary>The base64url of <c>{"alg":"HS256","typ":"JWT"}</c> and the dot after it: the same for every token.</summary>
    private static readonly byte[] HeaderAndDot = [.. Encoding.ASCII.GetBytes(Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8)), (byte)'.'];

    private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingKey));

    /// <summary>Writes voter <paramref name="voter"/>'s token, issued now, into <paramref name="destination"/>; the bytes written.</summary>
    public int Write(long voter, Span<byte> destination)
    {
        Span<byte> payload = stackalloc byte[MaxPayloadLength];
        var length = WritePayload(voter, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), payload);

        HeaderAndDot.CopyTo(destination);
        var signed = HeaderAndDot.Length + Base64Url.EncodeToUtf8(payload[..length], destination[HeaderAndDot.Length..]);
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.AppendData(destination[..signed]);
        _hmac.GetHashAndReset(signature);
        destination[signed] = (byte)'.';
        return signed + 1 + Base64Url.EncodeToUtf8(signature, destination[(signed + 1)..]);
    }

    /// <summary>
    /// Voter <paramref name="voter"/>'s token as a string, for paths off the hot loop: it allocates, and it may
    /// be called from several threads at once (<see cref="Write"/>, keyed once, may not).
    /// </summary>
    public string For(long voter)
    {
        Span<byte> token = stackalloc byte[MaxLength];
        lock (_forGate)
        {
            return Encoding.ASCII.GetString(token[..Write(voter, token)]);
        }
    }

    public void Dispose() => _hmac.Dispose();

    /// <summary>The claims, in the order the JSON serializer wrote them before: sub, sid, jti, role, iss, aud, iat, nbf, exp.</summary>
    private static int WritePayload(long voter, long now, Span<byte> payload)
    {
        Span<byte> random = stackalloc byte[32];
        Random.Shared.NextBytes(random);
        var at = 0;
        Append(payload, ref at, "{\"sub\":\""u8);
        at += Voters.WriteId(voter, payload[at..]);
        Append(payload, ref at, "\",\"sid\":\""u8);
        at += Format(new Guid(random[..16]), "D", payload[at..]);
        Append(payload, ref at, "\",\"jti\":\""u8);
        at += Format(new Guid(random[16..]), "N", payload[at..]);
        Append(payload, ref at, "\",\"role\":[\"Voter\"],\"iss\":\"voting\",\"aud\":\"voting-api\",\"iat\":"u8);
        at += Format(now, payload[at..]);
        Append(payload, ref at, ",\"nbf\":"u8);
        at += Format(now, payload[at..]);
        Append(payload, ref at, ",\"exp\":"u8);
        at += Format(now + 900, payload[at..]);
        Append(payload, ref at, "}"u8);
        return at;
    }

    private static void Append(Span<byte> destination, ref int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination[at..]);
        at += text.Length;
    }

    private static int Format(Guid value, string format, Span<byte> destination) =>
        value.TryFormat(destination, out var written, format) ? written : throw new InvalidOperationException("The token payload outgrew its buffer.");

    private static int Format(long value, Span<byte> destination) =>
        Utf8Formatter.TryFormat(value, destination, out var written) ? written : throw new InvalidOperationException("The token payload outgrew its buffer.");
}
