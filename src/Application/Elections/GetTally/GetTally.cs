using Voting.Application.Abstractions;
using Voting.Application.Common;
using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Application.Elections.GetTally;

public sealed record GetTallyQuery(ElectionId ElectionId);

/// <summary>The running count, only when the election's visibility allows it (live while open, or once closed).</summary>
public sealed class GetTallyHandler(ICurrentUser currentUser, IElectionQueries queries, IClock clock)
{
    public async Task<TallyView> HandleAsync(GetTallyQuery query, CancellationToken cancellationToken)
    {
        var election = await queries.GetVisibleAsync(currentUser, query.ElectionId, cancellationToken).ConfigureAwait(false);
        if (!Election.TalliesVisibleFor(election.Status, election.ResultsVisibility))
        {
            throw new DomainException(ErrorCodes.Forbidden, "This election's tally is not visible yet.");
        }

        var counts = await queries.CountBallotsAsync(query.ElectionId, cancellationToken).ConfigureAwait(false);
        return TallyRules.ToView(election, counts, clock.UtcNow);
    }
}
