using Voting.Application.Abstractions;
using Voting.Application.Elections.LiveTally;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.PublishTally;

public sealed record PublishTallyCommand(ElectionId ElectionId);

/// <summary>
/// Reads the election's tally as it stands (<see cref="ILiveTallyCounts"/>: the ballots, or the live
/// tally in Redis) and publishes it, acting for the system after a vote committed. It reads a count
/// rather than adding to the last one, so publishing again (an outbox redelivery) repeats a
/// snapshot and never undoes one. Nothing is published while the election's visibility hides the
/// tally from everyone (the rule GetTally applies), so a hidden count never reaches a topic.
/// </summary>
public sealed class PublishTallyHandler(IElectionQueries queries, ILiveTallyCounts tallies, ITallyPublisher publisher, IClock clock)
{
    /// <returns>The version published, or null when nothing was (unknown election, or tally hidden).</returns>
    public async Task<long?> HandleAsync(PublishTallyCommand command, CancellationToken cancellationToken)
    {
        var election = await queries.GetAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        if (election is null || !Election.TalliesVisibleFor(election.Status, election.ResultsVisibility))
        {
            return null;
        }

        var counts = await tallies.CountAsync(command.ElectionId, cancellationToken).ConfigureAwait(false);
        var tally = TallyRules.ToView(election, counts, clock.UtcNow);
        await publisher.PublishAsync(tally, cancellationToken).ConfigureAwait(false);
        return tally.Version;
    }
}
