using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Repositories;

internal sealed class SessionRepository(VotingDbContext db) : ISessionRepository
{
    public Task<Session?> GetAsync(SessionId id, CancellationToken cancellationToken) =>
        db.Sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Session>> ListActiveAsync(UserId userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Sessions
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.StartedAt)
            .AsNoTracking()
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    public void Add(Session session) => db.Sessions.Add(session);
}
