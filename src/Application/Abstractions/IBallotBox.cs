using Voting.Domain.Ballots;

namespace Voting.Application.Abstractions;

/// <summary>
/// Where votes are committed: participations and ballots, two stores that share no key. Votes of
/// one election may be committed together (group commit, ADR 0025); each caller learns only its
/// own vote's outcome, and only after the transaction that holds it has committed.
/// </summary>
public interface IBallotBox
{
    /// <summary>
    /// Gives <paramref name="vote"/> the election's next ballot sequence and commits it, with its
    /// participation and its VoteCast event. Throws ALREADY_VOTED when the voter's participation is
    /// already stored (or another vote of theirs wins in the same batch), and ELECTION_NOT_OPEN when
    /// the election stopped accepting votes before the vote's transaction.
    /// </summary>
    /// <remarks>
    /// <paramref name="cancellationToken"/> withdraws a vote still waiting for its batch: it is then
    /// never stored. A vote already taken into a batch is not withdrawn, and the call waits for it.
    /// </remarks>
    Task<CastVoteResult> CommitAsync(PendingVote vote, CancellationToken cancellationToken);
}
