using Voting.Domain.Elections;

namespace Voting.Application.Elections;

public sealed record ElectionSummary(
    ElectionId Id,
    string Title,
    string Description,
    ElectionStatus Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    ResultsVisibility ResultsVisibility,
    int CandidateCount);
