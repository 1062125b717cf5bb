using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

public interface IUserRepository
{
    Task<User?> GetAsync(UserId id, CancellationToken cancellationToken);

    Task<User?> FindByCitizenIdAsync(CitizenId citizenId, CancellationToken cancellationToken);

    Task<bool> CitizenIdTakenAsync(CitizenId citizenId, CancellationToken cancellationToken);

    void Add(User user);
}
