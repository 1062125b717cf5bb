using System.Security.Claims;
using Voting.Application.Abstractions;
using Voting.Domain.Users;

namespace Voting.WebApi.Identity;

/// <summary>The caller as the authentication middleware established them: subject claim and role claims.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public UserId? Id =>
        Guid.TryParse(Principal?.FindFirstValue(VotingClaims.Subject) ?? Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? new UserId(id)
            : null;

    public Role Roles =>
        Principal?.FindAll(c => c.Type is VotingClaims.Role or ClaimTypes.Role).Aggregate(Role.None, (roles, claim) =>
            Enum.TryParse<Role>(claim.Value, ignoreCase: false, out var role) ? roles | role : roles) ?? Role.None;

    public SessionId? SessionId =>
        Guid.TryParse(Principal?.FindFirstValue(VotingClaims.Session), out var id) ? new SessionId(id) : null;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;
}
