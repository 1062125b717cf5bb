using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.GetResults;

public sealed record GetResultsQuery(ElectionId ElectionId);

/// <summary>Results of a closed election: public once published, visible to officials from closing.</summary>
public sealed class GetResultsHandler(ICurrentUser currentUser, IElectionQueries queries, IClock clock)
{
    public async Task<ResultsView> HandleAsync(GetResultsQuery query, CancellationToken cancellationToken)
    {
        var election = await queries.GetVisibleAsync(currentUser, query.ElectionId, cancellationToken).ConfigureAwait(false);
        var available = election.Status == ElectionStatus.ResultsPublished
            || (election.Status == ElectionStatus.Closed && currentUser.IsOfficial());
        if (!available)
        {
            throw new DomainException(ErrorCodes.Forbidden, "This election's results are not published.");
        }

        var counts = await queries.CountBallotsAsync(query.ElectionId, cancellationToken).ConfigureAwait(false);
        var tally = TallyRules.ToView(election, counts, clock.UtcNow);
        var top = tally.Candidates.Count == 0 ? 0 : tally.Candidates.Max(c => c.Votes);
        var winners = top == 0 ? [] : tally.Candidates.Where(c => c.Votes == top).ToList();
        var participations = await queries.CountParticipationsAsync(query.ElectionId, cancellationToken).ConfigureAwait(false);
        // Fixed at closing; only elections closed before it was recorded fall back to a live count.
        var electorate = election.Electorate ?? (election.Eligibility == EligibilityMode.VoterRoll
            ? election.VoterRollSize
            : await queries.CountRegisteredVotersAsync(cancellationToken).ConfigureAwait(false));
        var turnout = electorate == 0 ? 0d : (double)participations / electorate;
        return new ResultsView(tally, winners, winners.Count > 1, participations, electorate, turnout, election.Status == ElectionStatus.ResultsPublished);
    }
}
