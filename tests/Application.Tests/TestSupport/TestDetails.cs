using Voting.Application.Elections;
using Voting.Domain.Elections;

namespace Voting.Application.Tests.TestSupport;

/// <summary>Read models as <see cref="Abstractions.IElectionQueries"/> returns them.</summary>
internal static class TestDetails
{
    public static readonly DateTimeOffset OpensAt = FakeClock.DefaultStart.AddHours(-2);
    public static readonly DateTimeOffset ClosesAt = FakeClock.DefaultStart.AddHours(22);

    /// <summary>An election with three candidates, listed out of display order on purpose.</summary>
    public static ElectionDetails Of(
        ElectionStatus status,
        ResultsVisibility visibility = ResultsVisibility.AfterClose,
        EligibilityMode eligibility = EligibilityMode.AllRegisteredVoters,
        int voterRollSize = 0) =>
        Of(status, visibility, eligibility, voterRollSize, [Candidate("Bravo", 2), Candidate("Alpha", 1), Candidate("Charlie", 3)]);

    public static ElectionDetails Of(
        ElectionStatus status,
        ResultsVisibility visibility,
        EligibilityMode eligibility,
        int voterRollSize,
        IReadOnlyList<CandidateView> candidates) =>
        new(
            ElectionId.New(),
            "Board election",
            "Annual board election",
            status,
            OpensAt,
            ClosesAt,
            BallotKind.SingleChoice,
            visibility,
            eligibility,
            eligibility == EligibilityMode.VoterRoll ? "roll-hash" : null,
            voterRollSize,
            OpensAt.AddDays(-7),
            status >= ElectionStatus.Open && status != ElectionStatus.Cancelled ? OpensAt : null,
            status is ElectionStatus.Closed or ElectionStatus.ResultsPublished ? ClosesAt : null,
            candidates);

    public static CandidateView Candidate(string name, int displayOrder) =>
        new(CandidateId.New(), name, $"{name} party", displayOrder);

    public static BallotCounts Counts(ElectionDetails election, params long[] votesInDisplayOrder)
    {
        var ordered = election.Candidates.OrderBy(c => c.DisplayOrder).ToList();
        var perCandidate = new Dictionary<CandidateId, long>();
        for (var i = 0; i < votesInDisplayOrder.Length; i++)
        {
            perCandidate[ordered[i].Id] = votesInDisplayOrder[i];
        }

        return new BallotCounts(perCandidate, votesInDisplayOrder.Sum());
    }
}
