using Voting.Domain.Elections;

namespace Voting.Application.Elections;

public sealed record CandidateView(CandidateId Id, string Name, string Description, int DisplayOrder);
