using Voting.Domain.Elections;

namespace Voting.Application.Elections;

public sealed record ElectionDetails(
    ElectionId Id,
    string Title,
    string Description,
    ElectionStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    BallotKind BallotKind,
    ResultsVisibility ResultsVisibility,
    EligibilityMode Eligibility,
    string? VoterRollHash,
    int VoterRollSize,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<CandidateView> Candidates,
    long? Electorate = null);
