using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>
/// Voters as a vote reads them: the reads of votes arriving at the same moment are answered by one
/// query (ADR 0025), so a vote costs no round trip of its own. Untracked: not for changing a user.
/// </summary>
public interface IVoters
{
    /// <summary>The user, or null when there is none.</summary>
    Task<User?> GetAsync(UserId id, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="citizenId"/> is on the voter roll of <paramref name="electionId"/>.</summary>
    Task<bool> IsOnVoterRollAsync(ElectionId electionId, CitizenId citizenId, CancellationToken cancellationToken);
}
