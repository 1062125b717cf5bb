using Voting.Domain.Common;

namespace Voting.Domain.Users;

/// <summary>
/// One sign-in of a user, the family of refresh tokens that descends from it. Only the hash of the
/// current token is kept. Refreshing rotates it: the presented token must be the current one, and a
/// token of the family presented a second time (an earlier one, already spent) means two holders have
/// it, so the whole session is closed (OAuth 2.0 Security BCP, refresh token rotation).
/// </summary>
public sealed class Session : AggregateRoot
{
    public const int MaxUserAgentLength = 256;
    public const int MaxAddressLength = 64;
    public const int TokenHashLength = 64;

    private Session()
    {
    }

    public SessionId Id { get; private set; }

    public UserId UserId { get; private set; }

    /// <summary>The SHA-256 (hex) of the current refresh token's secret.</summary>
    public string TokenHash { get; private set; } = string.Empty;

    /// <summary>How many times the token was rotated.</summary>
    public int Generation { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastRefreshedAt { get; private set; }

    /// <summary>When the current refresh token stops working unless it is rotated before.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SessionEnd EndReason { get; private set; }

    public string UserAgent { get; private set; } = string.Empty;

    public string Address { get; private set; } = string.Empty;

    public bool IsActive(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    /// <summary>Starts session <paramref name="id"/> (chosen by the caller: the refresh token names it) with its first token.</summary>
    public static Session Start(SessionId id, UserId userId, string tokenHash, TimeSpan lifetime, string? userAgent, string? address, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.UtcNow;
        return new Session
        {
            Id = id,
            UserId = userId,
            TokenHash = CheckedHash(tokenHash),
            StartedAt = now,
            LastRefreshedAt = now,
            ExpiresAt = now + CheckedLifetime(lifetime),
            UserAgent = Clip(userAgent, MaxUserAgentLength),
            Address = Clip(address, MaxAddressLength),
        };
    }

    /// <summary>
    /// Replaces the current token by <paramref name="newTokenHash"/>. Refused with INVALID_REFRESH_TOKEN
    /// when the session has ended or expired; a token that is not the current one ends the session
    /// (<see cref="SessionEnd.TokenReused"/>) and is refused with REFRESH_TOKEN_REUSED.
    /// </summary>
    /// <returns>Whether the token was rotated; false when the session was ended for reuse (the caller saves that, then refuses).</returns>
    public bool Rotate(string presentedTokenHash, string newTokenHash, TimeSpan lifetime, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.UtcNow;
        if (!IsActive(now))
        {
            throw InvalidToken();
        }

        if (!FixedTimeEquals(presentedTokenHash, TokenHash))
        {
            End(SessionEnd.TokenReused, now);
            return false;
        }

        TokenHash = CheckedHash(newTokenHash);
        Generation++;
        LastRefreshedAt = now;
        ExpiresAt = now + CheckedLifetime(lifetime);
        return true;
    }

    /// <summary>Ends the session; ending an ended session changes nothing.</summary>
    public void LogOut(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (EndedAt is null)
        {
            End(SessionEnd.LoggedOut, clock.UtcNow);
        }
    }

    public static DomainException InvalidToken() =>
        new(ErrorCodes.InvalidRefreshToken, "The refresh token is not valid: it expired or its session ended. Log in again.");

    public static DomainException ReusedToken() =>
        new(ErrorCodes.RefreshTokenReused, "This refresh token was already used, so the session was ended for safety. Log in again.");

    private void End(SessionEnd reason, DateTimeOffset now)
    {
        EndedAt = now;
        EndReason = reason;
    }

    private static bool FixedTimeEquals(string left, string right) =>
        left.Length == right.Length
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(left), System.Text.Encoding.ASCII.GetBytes(right));

    private static string CheckedHash(string hash) =>
        hash is { Length: TokenHashLength } && hash.All(char.IsAsciiHexDigitLower)
            ? hash
            : throw DomainException.Validation("A refresh token hash is 64 lowercase hex digits.");

    private static TimeSpan CheckedLifetime(TimeSpan lifetime) =>
        lifetime > TimeSpan.Zero ? lifetime : throw DomainException.Validation("A session lifetime must be positive.");

    private static string Clip(string? value, int maxLength)
    {
        var text = new string((value ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return text.Length <= maxLength ? text : text[..maxLength];
    }
}
