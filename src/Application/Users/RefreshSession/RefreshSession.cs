using Voting.Application.Abstractions;
using Voting.Application.Users.Sessions;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Users.RefreshSession;

public sealed record RefreshSessionCommand(string RefreshToken);

/// <summary>
/// Rotates a refresh token: the presented one is spent and a new one issued, with the user's roles as
/// they are now. A token that is not the session's current one ends the session (it was copied), and
/// that end is saved before the refusal.
/// </summary>
public sealed class RefreshSessionHandler(
    ISessionRepository sessions,
    IUserRepository users,
    SessionOptions options,
    IUnitOfWork unitOfWork,
    IClock clock)
{
    public async Task<SessionGrant> HandleAsync(RefreshSessionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!RefreshTokens.TryParse(command.RefreshToken, out var sessionId, out var presentedHash))
        {
            throw Session.InvalidToken();
        }

        var session = await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) ?? throw Session.InvalidToken();
        var user = await users.GetAsync(session.UserId, cancellationToken).ConfigureAwait(false) ?? throw Session.InvalidToken();
        var (token, hash) = RefreshTokens.Issue(session.Id);
        if (!session.Rotate(presentedHash, hash, options.RefreshTokenLifetime, clock))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            throw Session.ReusedToken();
        }

        // Two refreshes racing with the same token: the second save meets the first's row version
        // and the unit of work reports a conflict, so only one of them gets a new token.
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new SessionGrant(user.Id, user.Roles, session.Id, token, session.ExpiresAt);
    }
}
