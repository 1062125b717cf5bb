using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveTally;

/// <summary>
/// Where published tallies are counted: by default the database itself (each snapshot counts the
/// ballots); with Redis, a live tally that each committed vote moves once (<see cref="StoredTallyCounts"/>).
/// </summary>
public interface ILiveTallyCounts
{
    /// <summary>Makes the live count include every ballot of <paramref name="votes"/> (idempotent by sequence); returns once it does.</summary>
    Task ApplyAsync(VotesCast votes, CancellationToken cancellationToken);

    /// <summary>The election's count as it stands, including every vote applied before the call.</summary>
    Task<BallotCounts> CountAsync(ElectionId electionId, CancellationToken cancellationToken);
}
