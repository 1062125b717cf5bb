using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Users.GetMe;

public sealed record SessionView(SessionId Id, DateTimeOffset StartedAt, DateTimeOffset LastRefreshedAt, DateTimeOffset ExpiresAt, string UserAgent, string Address, bool Current);

public sealed record MeView(UserId Id, CitizenId CitizenId, PhoneNumber Phone, Role Roles, DateTimeOffset RegisteredAt, IReadOnlyList<SessionView> Sessions);

/// <summary>The signed-in caller's account and live sessions.</summary>
public sealed class GetMeHandler(ICurrentUser caller, IUserRepository users, ISessionRepository sessions, IClock clock)
{
    public async Task<MeView> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = caller.RequireSignedIn();
        var user = await users.GetAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(ErrorCodes.Unauthenticated, "Your account no longer exists.");
        var live = await sessions.ListActiveAsync(userId, clock.UtcNow, cancellationToken).ConfigureAwait(false);
        return new MeView(
            user.Id,
            user.CitizenId,
            user.Phone,
            user.Roles,
            user.RegisteredAt,
            [.. live.Select(s => new SessionView(s.Id, s.StartedAt, s.LastRefreshedAt, s.ExpiresAt, s.UserAgent, s.Address, s.Id == caller.SessionId))]);
    }
}
