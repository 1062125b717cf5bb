using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

public interface IElectionRepository
{
    /// <summary>The election with its candidates, tracked for changes.</summary>
    Task<Election?> GetAsync(ElectionId id, CancellationToken cancellationToken);

    void Add(Election election);

    /// <summary>Replaces the stored roll of <paramref name="electionId"/> with <paramref name="roll"/> (saved with the unit of work).</summary>
    Task ReplaceVoterRollAsync(ElectionId electionId, VoterRoll? roll, CancellationToken cancellationToken);

    Task<bool> IsOnVoterRollAsync(ElectionId electionId, CitizenId citizenId, CancellationToken cancellationToken);
}
