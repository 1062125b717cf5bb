using System.Text;

namespace Voting.WebApi.Identity;

/// <summary>Access tokens: HS256 JWTs signed with <see cref="SigningKey"/>, short-lived (refresh tokens keep a session going).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>The key appsettings.Development.json ships with; any other environment refuses to start with it.</summary>
    public const string DevelopmentKey = "development-only-signing-key-change-me-0123456789";

    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "voting";

    public string Audience { get; set; } = "voting-api";

    /// <summary>At least 32 bytes of UTF-8; from configuration (an environment variable or a secret store in production).</summary>
    public string SigningKey { get; set; } = string.Empty;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Why these options cannot serve in <paramref name="environment"/>, or null when they can.</summary>
    public string? Problem(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrEmpty(SigningKey))
        {
            return "Jwt:SigningKey is not configured: set it (at least 32 bytes) through configuration, for example the environment variable Jwt__SigningKey.";
        }

        if (Encoding.UTF8.GetByteCount(SigningKey) < MinimumKeyBytes)
        {
            return $"Jwt:SigningKey must be at least {MinimumKeyBytes} bytes.";
        }

        if (SigningKey == DevelopmentKey && !environment.IsDevelopment())
        {
            return $"Jwt:SigningKey is the development key, which the {environment.EnvironmentName} environment refuses: configure a secret key.";
        }

        return AccessTokenLifetime <= TimeSpan.Zero || AccessTokenLifetime > TimeSpan.FromHours(1)
            ? "Jwt:AccessTokenLifetime must be positive and at most one hour."
            : null;
    }
}
