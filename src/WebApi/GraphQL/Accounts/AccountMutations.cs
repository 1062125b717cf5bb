using Voting.Application.Users.AssignRole;
using Voting.Application.Users.LogIn;
using Voting.Application.Users.LogOut;
using Voting.Application.Users.RefreshSession;
using Voting.Application.Users.RegisterUser;
using Voting.Application.Users.Sessions;
using Voting.Domain.Users;
using Voting.GraphQL.Server.Authorization;
using Voting.GraphQL.Types;
using Voting.WebApi.GraphQL.Accounts;
using Voting.WebApi.Identity;

namespace Voting.WebApi.GraphQL;

/// <summary>Accounts and sessions.</summary>
public sealed partial class Mutation
{
    [GraphQLDescription("Registers a voter: a 13-digit citizen ID with a valid check digit (DUPLICATE_CITIZEN_ID when taken), a phone in E.164 format, a password of 8 to 128 characters. Returns the new user's ID; then `login`.")]
    [ID]
    public async Task<Guid> RegisterAsync(string citizenId, string phone, string password, [Service] RegisterUserHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = await handler.HandleAsync(new RegisterUserCommand(citizenId, phone, password), cancellationToken).ConfigureAwait(false);
        return id.Value;
    }

    [GraphQLDescription("Signs in with citizen ID and password (INVALID_CREDENTIALS when either is wrong; RATE_LIMITED with `retryAfter` seconds after too many attempts).")]
    public async Task<AuthPayload> LoginAsync(
        string citizenId,
        string password,
        [Service] LogInHandler handler,
        [Service] LoginThrottle throttle,
        [Service] AccessTokens tokens,
        [Service] IHttpContextAccessor http,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(throttle);
        ArgumentNullException.ThrowIfNull(http);
        var context = http.HttpContext;
        var address = context?.Connection.RemoteIpAddress?.ToString();
        await throttle.AttemptAsync(citizenId ?? string.Empty, address, cancellationToken).ConfigureAwait(false);
        var client = new ClientInfo(context?.Request.Headers.UserAgent.ToString(), address);
        var grant = await handler.HandleAsync(new LogInCommand(citizenId!, password, client), cancellationToken).ConfigureAwait(false);
        return Payload(grant, tokens);
    }

    [GraphQLDescription("Trades a refresh token for a new access token and refresh token (INVALID_REFRESH_TOKEN when expired or its session ended; REFRESH_TOKEN_REUSED, which ends the session, when it was already spent).")]
    public async Task<AuthPayload> RefreshTokenAsync(string refreshToken, [Service] RefreshSessionHandler handler, [Service] AccessTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var grant = await handler.HandleAsync(new RefreshSessionCommand(refreshToken), cancellationToken).ConfigureAwait(false);
        return Payload(grant, tokens);
    }

    [Authorize]
    [GraphQLDescription("Ends the current session: its refresh token stops working. Returns whether a live session was ended.")]
    public Task<bool> LogoutAsync([Service] LogOutHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return handler.HandleAsync(cancellationToken);
    }

    [Authorize(Roles = [nameof(Role.Admin)])]
    [GraphQLDescription("Gives a user one more role (admins only); it takes effect at that user's next login or token refresh. Returns the user's roles.")]
    public async Task<IReadOnlyList<UserRole>> AssignRoleAsync([ID] Guid userId, UserRole role, [Service] AssignRoleHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var roles = await handler.HandleAsync(new AssignRoleCommand(new UserId(userId), UserRoles.ToDomain(role)), cancellationToken).ConfigureAwait(false);
        return UserRoles.From(roles);
    }

    private static AuthPayload Payload(SessionGrant grant, AccessTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var (accessToken, expiresAt) = tokens.Issue(grant);
        return new AuthPayload(grant.UserId.Value, UserRoles.From(grant.Roles), accessToken, expiresAt, grant.RefreshToken, grant.RefreshTokenExpiresAt);
    }
}
