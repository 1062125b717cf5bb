using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// Mints the access tokens the server would issue at login (src/WebApi/Identity/AccessTokens.cs):
/// HS256 with the benchmark's signing key, issuer <c>voting</c>, audience <c>voting-api</c>, <c>sub</c> the
/// user ID, <c>role</c> ["Voter"]. Logging in 100,000 voters would cost a PBKDF2 hash each; castVote
/// reads only the token, so a token from the same key and claims is all it needs. The <c>sid</c> is
/// random: castVote does not look the session up.
/// </summary>
internal sealed class VoterTokens(string signingKey)
{
    private static readonly string Header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingKey);

    public string For(Guid userId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = userId.ToString(),
            ["sid"] = Guid.NewGuid().ToString(),
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["role"] = new[] { "Voter" },
            ["iss"] = "voting",
            ["aud"] = "voting-api",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 900,
        });
        var signed = Header + "." + Base64Url(payload);
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));
        return string.Create(CultureInfo.InvariantCulture, $"{signed}.{Base64Url(signature)}");
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
