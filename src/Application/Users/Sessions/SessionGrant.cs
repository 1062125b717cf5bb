using Voting.Domain.Users;

namespace Voting.Application.Users.Sessions;

/// <summary>A signed-in session: who, with which roles, and the refresh token to keep it going. The API adds the access token (ADR 0001).</summary>
public sealed record SessionGrant(UserId UserId, Role Roles, SessionId SessionId, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);
