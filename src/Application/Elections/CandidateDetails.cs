using Voting.Domain.Elections;

namespace Voting.Application.Elections;

/// <summary>A candidate with the election it stands in.</summary>
public sealed record CandidateDetails(ElectionId ElectionId, CandidateView Candidate);
