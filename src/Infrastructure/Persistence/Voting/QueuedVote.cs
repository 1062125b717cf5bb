using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Ballots;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>A vote waiting in its election's queue (<see cref="GroupCommitBallotBox"/>), and the caller's handle on its outcome.</summary>
internal sealed class QueuedVote(PendingVote vote) : QueuedOutcome<CastVoteResult>
{
    public PendingVote Vote { get; } = vote;
}
