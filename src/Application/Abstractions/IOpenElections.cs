using Voting.Domain.Elections;

namespace Voting.Application.Abstractions;

/// <summary>
/// Elections as a vote reads them. While an election is open nothing a vote checks can change but
/// its status (candidates, times, eligibility and roll are frozen at opening), so an open election
/// may be served from memory, shared by concurrent votes; the ballot box re-checks the status
/// inside each batch's transaction (ADR 0025). Not for changing an election: it is not tracked.
/// </summary>
public interface IOpenElections
{
    /// <summary>The election with its candidates, or null when there is none.</summary>
    Task<Election?> GetAsync(ElectionId id, CancellationToken cancellationToken);

    /// <summary>Drops what is remembered of <paramref name="id"/>, e.g. once it is seen to be no longer open.</summary>
    void Forget(ElectionId id);
}
