using Voting.Application.Abstractions;
using Voting.Domain.Elections;
using Voting.Domain.Elections.Events;

namespace Voting.Application.Elections.LiveTally;

/// <summary>The embedded default: the ballots table is the count, so a committed vote is already in it.</summary>
public sealed class DatabaseTallyCounts(IElectionQueries queries) : ILiveTallyCounts
{
    public Task ApplyAsync(VotesCast votes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<BallotCounts> CountAsync(ElectionId electionId, CancellationToken cancellationToken) =>
        queries.CountBallotsAsync(electionId, cancellationToken);
}
