using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

public interface ISessionRepository
{
    Task<Session?> GetAsync(SessionId id, CancellationToken cancellationToken);

    /// <summary>The user's sessions that have not ended or expired at <paramref name="now"/>, newest first.</summary>
    Task<IReadOnlyList<Session>> ListActiveAsync(UserId userId, DateTimeOffset now, CancellationToken cancellationToken);

    void Add(Session session);
}
