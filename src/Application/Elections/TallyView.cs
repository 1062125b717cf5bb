using Voting.Domain.Elections;

namespace Voting.Application.Elections;

/// <summary>
/// Ballots per candidate at one moment. <see cref="Version"/> is the highest ballot sequence
/// counted: it never goes backwards, so a client keeps the view with the larger version.
/// </summary>
public sealed record TallyView(ElectionId ElectionId, IReadOnlyList<CandidateTally> Candidates, long Total, long Version, DateTimeOffset AsOf);
