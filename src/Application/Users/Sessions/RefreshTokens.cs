using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Voting.Domain.Users;

namespace Voting.Application.Users.Sessions;

/// <summary>
/// Refresh tokens are <c>{session id, 32 hex}.{secret, 43 base64url characters of 32 random bytes}</c>:
/// the session id finds the family, and only the SHA-256 of the secret is stored, so a copy of the
/// database signs no one in.
/// </summary>
public static class RefreshTokens
{
    private const int SecretBytes = 32;

    /// <summary>A new token for <paramref name="session"/> and the hash to store.</summary>
    public static (string Token, string Hash) Issue(SessionId session)
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var encoded = Base64Url.EncodeToString(secret);
        return ($"{session.Value:N}.{encoded}", Hash(encoded));
    }

    /// <summary>The session and secret hash a presented token names; false for anything not shaped like one of ours.</summary>
    public static bool TryParse(string? token, out SessionId session, out string hash)
    {
        session = default;
        hash = string.Empty;
        if (token is null || token.Length > 128)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || !Guid.TryParseExact(token.AsSpan(0, dot), "N", out var id))
        {
            return false;
        }

        var encoded = token[(dot + 1)..];
        Span<byte> secret = stackalloc byte[SecretBytes + 3];
        if (!Base64Url.TryDecodeFromChars(encoded, secret, out var written) || written != SecretBytes)
        {
            return false;
        }

        session = new SessionId(id);
        hash = Hash(encoded);
        return true;
    }

    private static string Hash(string encodedSecret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(encodedSecret)));
}
