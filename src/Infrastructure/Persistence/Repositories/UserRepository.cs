using Microsoft.EntityFrameworkCore;
using Voting.Application.Abstractions;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(VotingDbContext db) : IUserRepository
{
    public Task<User?> GetAsync(UserId id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<User?> FindByCitizenIdAsync(CitizenId citizenId, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.CitizenId == citizenId, cancellationToken);

    public Task<bool> CitizenIdTakenAsync(CitizenId citizenId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.CitizenId == citizenId, cancellationToken);

    public void Add(User user) => db.Users.Add(user);
}
