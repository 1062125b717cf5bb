using Voting.Domain.Elections;

namespace Voting.Application.Elections;

public sealed record CandidateTally(CandidateId CandidateId, string Name, int DisplayOrder, long Votes);
