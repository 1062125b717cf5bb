using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;

namespace Voting.Application.Users.LogOut;

/// <summary>Ends the caller's current session: its refresh token stops working at once; access tokens already issued expire on their own (minutes).</summary>
public sealed class LogOutHandler(ICurrentUser caller, ISessionRepository sessions, IUnitOfWork unitOfWork, IClock clock)
{
    /// <returns>Whether a live session was ended.</returns>
    public async Task<bool> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = caller.RequireSignedIn();
        if (caller.SessionId is not { } sessionId
            || await sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false) is not { } session
            || session.UserId != userId
            || !session.IsActive(clock.UtcNow))
        {
            return false;
        }

        session.LogOut(clock);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
