namespace Voting.Application.Abstractions;

/// <summary>
/// Commits the changes of one use case atomically, together with the outbox rows of the domain
/// events its aggregates raised. Unique-key violations surface as a <see cref="Voting.Domain.Common.DomainException"/>
/// with the code the constraint stands for (for example ALREADY_VOTED).
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction and commits it, with the pending changes.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
