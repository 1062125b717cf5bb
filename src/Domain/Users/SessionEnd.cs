namespace Voting.Domain.Users;

/// <summary>Why a session ended before it expired.</summary>
public enum SessionEnd
{
    /// <summary>The session is live.</summary>
    None = 0,

    /// <summary>Its user logged out.</summary>
    LoggedOut = 1,

    /// <summary>A refresh token it had already rotated was presented again: it may have been stolen, so the session is closed for both holders.</summary>
    TokenReused = 2,
}
