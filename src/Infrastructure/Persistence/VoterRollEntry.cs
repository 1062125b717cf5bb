using Voting.Domain.Elections;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence;

/// <summary>One citizen ID on one election's roll (storage only: the domain keeps the roll's hash and size).</summary>
internal sealed class VoterRollEntry
{
    public ElectionId ElectionId { get; set; }

    public CitizenId CitizenId { get; set; }
}
