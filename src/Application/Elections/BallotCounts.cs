using Voting.Domain.Elections;

namespace Voting.Application.Elections;

/// <summary>Ballots per candidate, and the highest ballot sequence they include.</summary>
public sealed record BallotCounts(IReadOnlyDictionary<CandidateId, long> PerCandidate, long LastSequence)
{
    public long Total => PerCandidate.Values.Sum();
}
