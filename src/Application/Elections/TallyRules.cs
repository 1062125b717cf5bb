using Voting.Domain.Elections;

namespace Voting.Application.Elections;

internal static class TallyRules
{
    public static TallyView ToView(ElectionDetails election, BallotCounts counts, DateTimeOffset asOf)
    {
        var candidates = election.Candidates
            .OrderBy(c => c.DisplayOrder)
            .Select(c => new CandidateTally(c.Id, c.Name, c.DisplayOrder, counts.PerCandidate.GetValueOrDefault(c.Id)))
            .ToList();
        return new TallyView(election.Id, candidates, counts.Total, counts.LastSequence, asOf);
    }
}
