using Voting.Domain.Common;
using Voting.Domain.Elections;

namespace Voting.Domain.Ballots;

/// <summary>
/// What a voter marked, in order of preference. A single-choice ballot marks exactly one candidate;
/// approval and ranked ballots will mark several (ADR 0002).
/// </summary>
public sealed record BallotChoice
{
    private BallotChoice(IReadOnlyList<CandidateId> candidates) => Candidates = candidates;

    public IReadOnlyList<CandidateId> Candidates { get; }

    public static BallotChoice Single(CandidateId candidate) => new([candidate]);

    /// <summary>Checks the marks against the ballot kind and the election's candidates.</summary>
    internal void EnsureValidFor(BallotKind kind, IReadOnlyCollection<Candidate> candidates)
    {
        switch (kind)
        {
            case BallotKind.SingleChoice when Candidates.Count != 1:
                throw DomainException.Validation("A single-choice ballot marks exactly one candidate.");
            case BallotKind.SingleChoice:
                break;
            default:
                throw DomainException.Validation($"Ballot kind '{kind}' is not supported.");
        }

        foreach (var id in Candidates)
        {
            if (!candidates.Any(c => c.Id == id))
            {
                throw DomainException.NotFound($"Candidate '{id}' does not stand in this election.");
            }
        }
    }
}
