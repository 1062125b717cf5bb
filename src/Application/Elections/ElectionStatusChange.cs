using Voting.Domain.Elections;

namespace Voting.Application.Elections;

/// <summary>An election reached <paramref name="Status"/> at <paramref name="ChangedAt"/>.</summary>
public sealed record ElectionStatusChange(ElectionId ElectionId, ElectionStatus Status, DateTimeOffset ChangedAt);
