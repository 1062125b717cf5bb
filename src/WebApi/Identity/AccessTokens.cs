using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Voting.Application.Users.Sessions;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.WebApi.Identity;

/// <summary>Issues and validates access tokens; HTTP (JwtBearer) and WebSocket connections validate with the same parameters.</summary>
public sealed class AccessTokens
{
    private readonly JwtOptions _options;
    private readonly IClock _clock;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SigningCredentials _credentials;

    public AccessTokens(IOptions<JwtOptions> options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        _credentials = new SigningCredentials(SigningKey(_options), SecurityAlgorithms.HmacSha256);
        Parameters = ValidationParameters(_options);
    }

    public TokenValidationParameters Parameters { get; }

    public static SymmetricSecurityKey SigningKey(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
    }

    /// <summary>Only HS256 with our key, our issuer and audience, unexpired (30 s of clock skew): "alg: none" and other algorithms are refused.</summary>
    public static TokenValidationParameters ValidationParameters(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = SigningKey(options),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = VotingClaims.Subject,
            RoleClaimType = VotingClaims.Role,
        };
    }

    /// <summary>An access token for <paramref name="grant"/>'s user, session and roles.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(SessionGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var now = _clock.UtcNow;
        var expires = now + _options.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [VotingClaims.Subject] = grant.UserId.Value.ToString(),
            [VotingClaims.Session] = grant.SessionId.Value.ToString(),
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            [VotingClaims.Role] = RoleNames(grant.Roles),
        };
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = _credentials,
        });
        return (token, expires);
    }

    /// <summary>The principal a token proves, or null when it is not one of ours, valid now.</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, Parameters).ConfigureAwait(false);
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    public static string[] RoleNames(Role roles) =>
        [.. Enum.GetValues<Role>().Where(r => r != Role.None && (roles & r) == r).Select(r => r.ToString())];
}
