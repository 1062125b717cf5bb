using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Accounts;

[GraphQLDescription("A signed-in session: send the access token as `Authorization: Bearer …` (or in the WebSocket `connection_init` payload), and trade the refresh token for new ones before it expires.")]
public sealed record AuthPayload(
    [property: ID] Guid UserId,
    IReadOnlyList<UserRole> Roles,
    [property: GraphQLDescription("A JWT, valid until `accessTokenExpiresAt` (minutes).")] string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    [property: GraphQLDescription("Single use: `refreshToken` spends it and returns a new one. Presenting a spent one ends the session.")] string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt);
