using Voting.Domain.Ballots;
using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Application.Abstractions;

/// <summary>Where participations and ballots are kept: two stores that share no key.</summary>
public interface IBallotBox
{
    Task<bool> HasVotedAsync(ElectionId electionId, UserId voterId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the election's next ballot sequence. Must run inside the vote's transaction: the
    /// sequence is consumed only if that transaction commits, so sequences have no gaps.
    /// </summary>
    Task<long> NextSequenceAsync(ElectionId electionId, CancellationToken cancellationToken);

    void Add(CastVoteResult vote);
}
